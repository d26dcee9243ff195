package io.github.s2spring.embedded.config;

import java.nio.charset.StandardCharsets;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.github.s2spring.embedded.error.ApiException;
import io.github.s2spring.protocol.error.ErrorCode;

/**
 * The server's one JSON mapper and the helpers around it.
 */
public final class Json {

	private static final ObjectMapper MAPPER = JsonMapper.builder().build();

	private Json() {
	}

	/**
	 * A new, empty JSON object.
	 * @return the object
	 */
	public static ObjectNode object() {
		return MAPPER.createObjectNode();
	}

	/**
	 * A new, empty JSON array.
	 * @return the array
	 */
	public static ArrayNode array() {
		return MAPPER.createArrayNode();
	}

	/**
	 * Parses a JSON body.
	 * @param body the UTF-8 bytes
	 * @return the tree
	 * @throws ApiException {@code bad_json} if the bytes are not one JSON value
	 */
	public static JsonNode parse(byte[] body) {
		try {
			JsonNode node = MAPPER.readTree(body);
			if (node == null || node.isMissingNode()) {
				throw ApiException.of(ErrorCode.BAD_JSON, "Invalid JSON body: empty body");
			}
			return node;
		}
		catch (JacksonException ex) {
			throw ApiException.of(ErrorCode.BAD_JSON, "Invalid JSON body: " + ex.getOriginalMessage());
		}
	}

	/**
	 * Writes a value as JSON text.
	 * @param value a tree, map, list or scalar
	 * @return the UTF-8 bytes
	 */
	public static byte[] write(Object value) {
		return MAPPER.writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
	}

}
