package io.github.s2spring.embedded.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import io.github.s2spring.embedded.config.ConfigJson;
import io.github.s2spring.embedded.config.Json;
import io.github.s2spring.embedded.error.ApiException;
import io.github.s2spring.embedded.http.Call;
import io.github.s2spring.embedded.store.Basin;
import io.github.s2spring.embedded.store.ListPage;
import io.github.s2spring.embedded.store.Locations;
import io.github.s2spring.embedded.store.Stream;
import io.github.s2spring.protocol.error.ErrorCode;
import io.github.s2spring.protocol.limits.Limits;
import io.github.s2spring.protocol.limits.Names;
import io.github.s2spring.protocol.limits.ValidationException;

/**
 * JSON forms of basins and streams, and the request details the control plane shares:
 * list parameters, request tokens and names.
 */
final class Resources {

	private Resources() {
	}

	static ObjectNode basinInfo(Basin basin) {
		ObjectNode json = Json.object();
		json.put("name", basin.name());
		// Every basin is in the one location the server serves.
		json.put("location", Locations.LOCAL);
		json.put("created_at", basin.createdAt().toString());
		Instant deletedAt = basin.deletedAt();
		json.put("deleted_at", (deletedAt != null) ? deletedAt.toString() : null);
		json.put("state", (deletedAt != null) ? "deleting" : "active");
		return json;
	}

	static ObjectNode streamInfo(Stream stream, String strippedPrefix) {
		ObjectNode json = Json.object();
		json.put("name", stream.name().substring(strippedPrefix.length()));
		json.put("created_at", stream.createdAt().toString());
		Instant deletedAt = stream.deletedAt();
		json.put("deleted_at", (deletedAt != null) ? deletedAt.toString() : null);
		json.putNull("cipher");
		return json;
	}

	static <T> ListPage<T> page(List<T> items, Predicate<T> visible, int limit) {
		List<T> page = new ArrayList<>();
		for (T item : items) {
			if (!visible.test(item)) {
				continue;
			}
			if (page.size() == limit) {
				return new ListPage<>(page, true);
			}
			page.add(item);
		}
		return new ListPage<>(page, false);
	}

	static void requireInScope(boolean inScope, String what) {
		if (!inScope) {
			throw ApiException.of(ErrorCode.PERMISSION_DENIED, what + " is outside the access token's scope");
		}
	}

	static int limit(Call call) {
		Long limit = call.query().unsigned("limit");
		if (limit == null || limit == 0 || limit > Limits.MAX_LIST_LIMIT) {
			return Limits.MAX_LIST_LIMIT;
		}
		return limit.intValue();
	}

	static @Nullable String requestToken(Call call) {
		String token = call.header("s2-request-token");
		if (token == null) {
			return null;
		}
		try {
			return Names.requireRequestToken(token);
		}
		catch (ValidationException ex) {
			throw ApiException.of(ErrorCode.BAD_HEADER, ex.getMessage());
		}
	}

	static String basinName(String name, ErrorCode code) {
		try {
			return Names.requireBasinName(name);
		}
		catch (ValidationException ex) {
			throw ApiException.of(code, ex.getMessage());
		}
	}

	static String streamName(String name, ErrorCode code) {
		try {
			return Names.requireStreamName(name);
		}
		catch (ValidationException ex) {
			throw ApiException.of(code, ex.getMessage());
		}
	}

	static JsonNode objectBody(Call call) {
		JsonNode body = Json.parse(call.body());
		if (!body.isObject()) {
			throw ConfigJson.badJson("expected a JSON object, got " + body.getNodeType());
		}
		return body;
	}

	static @Nullable JsonNode optionalObjectBody(Call call) {
		if (call.body().length == 0 || new String(call.body(), java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
			return null;
		}
		JsonNode body = Json.parse(call.body());
		if (body.isNull()) {
			return null;
		}
		if (!body.isObject()) {
			throw ConfigJson.badJson("expected a JSON object, got " + body.getNodeType());
		}
		return body;
	}

	/**
	 * A location name in a JSON body.
	 * @param value the JSON value, or {@code null} if the field is absent
	 * @return the name, or {@code null} if absent or JSON null
	 * @throws ApiException {@code bad_json} if it is not a string or not a valid name
	 */
	static @Nullable String location(@Nullable JsonNode value) {
		if (value == null || value.isNull() || value.isMissingNode()) {
			return null;
		}
		if (!value.isString()) {
			throw ConfigJson.badJson("location: invalid type " + value.getNodeType() + ", expected a string");
		}
		try {
			return Names.requireLocation(value.stringValue());
		}
		catch (ValidationException ex) {
			throw ConfigJson.badJson(ex.getMessage());
		}
	}

	static String requiredString(JsonNode body, String field) {
		JsonNode value = body.get(field);
		if (value == null || !value.isString()) {
			throw ConfigJson.badJson("missing or non-string field `" + field + "`");
		}
		return value.stringValue();
	}

}
