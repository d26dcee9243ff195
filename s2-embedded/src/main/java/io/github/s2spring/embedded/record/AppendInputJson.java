package io.github.s2spring.embedded.record;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.github.s2spring.embedded.config.Json;

/**
 * One form for a unary append's {@code AppendInput}, however it was sent: a protobuf body
 * as {@link ProtoJson} prints it, and a JSON body converted to the same form (strings
 * turned into their UTF-8 bytes, or decoded from base64 under {@code s2-format: base64};
 * empty fields left out as protobuf leaves them out).
 */
final class AppendInputJson {

	private AppendInputJson() {
	}

	/**
	 * The append's message in protobuf form.
	 * @param request a recorded unary append
	 * @return the message, or {@code null} if the body is neither form
	 */
	static @Nullable JsonNode of(JsonNode request) {
		JsonNode body = request.path("body");
		if (body.has("message")) {
			return body.get("message");
		}
		JsonNode json = body.get("json");
		if (json == null || !json.isObject()) {
			return null;
		}
		String format = request.path("headers").path("s2-format").asString("raw").trim().toLowerCase(Locale.ROOT);
		boolean base64 = format.equals("base64") || format.equals("json-binsafe");
		ObjectNode message = Json.object();
		ArrayNode records = Json.array();
		for (JsonNode record : json.path("records")) {
			records.add(record(record, base64));
		}
		if (!records.isEmpty()) {
			message.set("records", records);
		}
		copyIfSet(json, "match_seq_num", message);
		copyIfSet(json, "fencing_token", message);
		return message;
	}

	private static ObjectNode record(JsonNode record, boolean base64) {
		ObjectNode out = Json.object();
		copyIfSet(record, "timestamp", out);
		ArrayNode headers = Json.array();
		for (JsonNode header : record.path("headers")) {
			ObjectNode converted = Json.object();
			putBytes(converted, "name", header.path(0).asString(""), base64);
			putBytes(converted, "value", header.path(1).asString(""), base64);
			headers.add(converted);
		}
		if (!headers.isEmpty()) {
			out.set("headers", headers);
		}
		putBytes(out, "body", record.path("body").asString(""), base64);
		return out;
	}

	private static void putBytes(ObjectNode out, String field, String text, boolean base64) {
		byte[] bytes;
		try {
			bytes = base64 ? Base64.getDecoder().decode(text) : text.getBytes(StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			out.put(field, "invalid base64: " + text);
			return;
		}
		if (bytes.length > 0) {
			out.put(field, Base64.getEncoder().encodeToString(bytes));
		}
	}

	private static void copyIfSet(JsonNode from, String field, ObjectNode to) {
		JsonNode value = from.get(field);
		if (value != null && !value.isNull()) {
			to.set(field, value);
		}
	}

}
