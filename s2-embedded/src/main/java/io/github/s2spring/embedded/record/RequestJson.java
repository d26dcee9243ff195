package io.github.s2spring.embedded.record;

import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.jspecify.annotations.Nullable;
import s2.v1.AppendInput;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.github.s2spring.embedded.config.Json;
import io.github.s2spring.embedded.error.ApiException;

/**
 * The JSON form of a recorded request, one line of a recording:
 *
 * <pre>{@code
 * {"seq":7,"protocol":"HTTP/2","method":"POST","path":"/v1/streams/s%2F1/records",
 *  "query":{},"headers":{"authorization":"Bearer t","content-type":"s2s/proto",...},
 *  "body":{"s2s":[{"flag":64,"compression":"gzip","terminal":false,
 *                  "reconnect_advised":false,"proto":"s2.v1.AppendInput","message":{...}}]},
 *  "complete":true}
 * }</pre>
 *
 * Only the headers S2 reads are kept, and {@code user-agent} for information. A body is
 * {@code null} when empty, {@code {"json":...}} when it is JSON,
 * {@code {"proto":"s2.v1.AppendInput","message":...}} for a protobuf append (printed as
 * {@link ProtoJson} does), {@code {"s2s":[...]}} for S2S frames, or
 * {@code {"base64":...}} otherwise.
 */
public final class RequestJson {

	/** The headers kept, in this order. */
	public static final List<String> HEADERS = List.of("authorization", "s2-basin", "content-type", "accept",
			"s2-format", "s2-request-token", "accept-encoding", "content-encoding", "s2-stream-config",
			"s2-encryption-key", "last-event-id", "user-agent");

	private static final String APPEND_INPUT = "s2.v1.AppendInput";

	private RequestJson() {
	}

	/**
	 * The JSON form of a request.
	 * @param request the request
	 * @return the JSON object
	 */
	public static ObjectNode of(RecordedRequest request) {
		ObjectNode json = Json.object();
		json.put("seq", request.seq());
		json.put("protocol", request.protocol());
		json.put("method", request.method());
		json.put("path", request.path());
		ObjectNode query = json.putObject("query");
		Map<String, List<String>> params = new TreeMap<>(new QueryStringDecoder(request.uri()).parameters());
		params.forEach((name, values) -> {
			if (values.size() == 1) {
				query.put(name, values.get(0));
			}
			else {
				ArrayNode all = query.putArray(name);
				values.forEach(all::add);
			}
		});
		ObjectNode headers = json.putObject("headers");
		for (String name : HEADERS) {
			String value = request.headers().get(name);
			if (value != null) {
				headers.put(name, value);
			}
		}
		JsonNode body = body(request);
		if (body != null) {
			json.set("body", body);
		}
		else {
			json.putNull("body");
		}
		json.put("complete", request.complete());
		return json;
	}

	private static @Nullable JsonNode body(RecordedRequest request) {
		byte[] body = request.body();
		if (body.length == 0) {
			return null;
		}
		String type = mediaType(request.headers().get("content-type"));
		boolean append = request.method().equals("POST") && request.path().endsWith("/records");
		ObjectNode json = Json.object();
		if (type.equals("s2s/proto")) {
			json.set("s2s", S2sBodyJson.frames(body, append ? AppendInput.parser() : null, APPEND_INPUT));
		}
		else if (append && (type.equals("application/protobuf") || type.equals("application/x-protobuf"))) {
			putMessage(json, body, AppendInput.parser(), APPEND_INPUT);
		}
		else {
			try {
				json.set("json", Json.parse(body));
			}
			catch (ApiException ex) {
				json.put("base64", Base64.getEncoder().encodeToString(body));
			}
		}
		return json;
	}

	/**
	 * Decodes a protobuf payload into {@code "proto"} and {@code "message"} fields, or
	 * {@code "base64"} and {@code "error"} when it is not the message.
	 * @param json where to put the fields
	 * @param payload the protobuf bytes
	 * @param parser the message's parser, or {@code null} if no message is expected
	 * @param messageName the message's full name
	 */
	static void putMessage(ObjectNode json, byte[] payload, @Nullable Parser<? extends Message> parser,
			String messageName) {
		if (parser != null) {
			try {
				json.put("proto", messageName);
				json.set("message", ProtoJson.print(parser.parseFrom(payload)));
				return;
			}
			catch (InvalidProtocolBufferException ex) {
				json.remove("proto");
				json.put("error", ex.getMessage());
			}
		}
		json.put("base64", Base64.getEncoder().encodeToString(payload));
	}

	private static String mediaType(@Nullable String contentType) {
		if (contentType == null) {
			return "";
		}
		int semicolon = contentType.indexOf(';');
		return ((semicolon >= 0) ? contentType.substring(0, semicolon) : contentType).trim().toLowerCase(Locale.ROOT);
	}

}
