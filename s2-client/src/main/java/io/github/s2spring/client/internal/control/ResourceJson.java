package io.github.s2spring.client.internal.control;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import io.github.s2spring.client.control.model.BasinInfo;
import io.github.s2spring.client.control.model.BasinState;
import io.github.s2spring.client.control.model.CreateBasinRequest;
import io.github.s2spring.client.control.model.CreateStreamRequest;
import io.github.s2spring.client.control.model.LocationInfo;
import io.github.s2spring.client.control.model.Page;
import io.github.s2spring.client.control.model.StreamCipher;
import io.github.s2spring.client.control.model.StreamInfo;

/**
 * The JSON of basins, streams, locations and list pages.
 */
final class ResourceJson {

	private ResourceJson() {
	}

	static ObjectNode createBasin(CreateBasinRequest request) {
		ObjectNode json = Json.object();
		json.put("basin", request.basin());
		ensureBasinFields(json, request);
		return json;
	}

	static ObjectNode ensureBasin(CreateBasinRequest request) {
		ObjectNode json = Json.object();
		ensureBasinFields(json, request);
		return json;
	}

	private static void ensureBasinFields(ObjectNode json, CreateBasinRequest request) {
		if (request.config() != null) {
			json.set("config", ConfigJson.basinConfig(request.config()));
		}
		if (request.location() != null) {
			json.put("location", request.location());
		}
	}

	static ObjectNode createStream(CreateStreamRequest request) {
		ObjectNode json = Json.object();
		json.put("stream", request.stream());
		if (request.config() != null) {
			json.set("config", ConfigJson.streamConfig(request.config()));
		}
		return json;
	}

	static BasinInfo readBasinInfo(JsonNode node) {
		JsonNode json = Json.requireObject(node, "basin info");
		String location = Json.optionalText(json, "location");
		if (location == null) {
			location = Json.optionalText(json, "scope");
		}
		Instant deletedAt = Json.optionalInstant(json, "deleted_at");
		BasinState state = Json.optionalEnum(BasinState.class, json, "state");
		if (state == null) {
			state = (deletedAt != null) ? BasinState.DELETING : BasinState.ACTIVE;
		}
		return new BasinInfo(Json.requiredText(json, "name"), location, Json.optionalInstant(json, "created_at"),
				deletedAt, state);
	}

	static StreamInfo readStreamInfo(JsonNode node) {
		JsonNode json = Json.requireObject(node, "stream info");
		return new StreamInfo(Json.requiredText(json, "name"), Json.optionalInstant(json, "created_at"),
				Json.optionalInstant(json, "deleted_at"), Json.optionalEnum(StreamCipher.class, json, "cipher"));
	}

	static LocationInfo readLocation(JsonNode node) {
		JsonNode json = Json.requireObject(node, "location info");
		return new LocationInfo(Json.requiredText(json, "name"), Json.optionalBoolean(json, "is_private"));
	}

	static List<LocationInfo> readLocations(JsonNode node) {
		JsonNode items = node.isArray() ? node : Json.field(Json.requireObject(node, "locations"), "locations");
		return Json.array(items, "locations", ResourceJson::readLocation);
	}

	static <T> Page<T> readPage(JsonNode node, String itemsField, Function<JsonNode, T> reader) {
		JsonNode json = Json.requireObject(node, "list response");
		if (Json.field(json, itemsField) == null) {
			throw new Json.MalformedJsonException("field \"" + itemsField + "\" is missing");
		}
		return new Page<>(Json.array(Json.field(json, itemsField), itemsField, reader),
				Json.optionalBoolean(json, "has_more"));
	}

}
