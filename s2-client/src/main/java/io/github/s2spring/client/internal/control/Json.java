package io.github.s2spring.client.internal.control;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import io.github.s2spring.client.control.model.WireValue;

/**
 * Reading and writing the JSON of the control plane, field by field, so that what is
 * absent, {@code null} or set is exactly what the caller asked for.
 */
final class Json {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private Json() {
	}

	static ObjectNode object() {
		return JsonNodeFactory.instance.objectNode();
	}

	static byte[] write(JsonNode node) {
		return MAPPER.writeValueAsBytes(node);
	}

	static JsonNode read(byte[] body) {
		if (body.length == 0) {
			throw new MalformedJsonException("the body is empty");
		}
		try {
			return MAPPER.readTree(body);
		}
		catch (JacksonException ex) {
			throw new MalformedJsonException("the body is not JSON: " + ex.getOriginalMessage());
		}
	}

	static JsonNode requireObject(JsonNode node, String what) {
		if (!node.isObject()) {
			throw new MalformedJsonException(what + " is not a JSON object");
		}
		return node;
	}

	static @Nullable JsonNode field(JsonNode object, String name) {
		JsonNode value = object.get(name);
		return (value == null || value.isNull() || value.isMissingNode()) ? null : value;
	}

	static String requiredText(JsonNode object, String name) {
		String text = optionalText(object, name);
		if (text == null) {
			throw new MalformedJsonException("field \"" + name + "\" is missing");
		}
		return text;
	}

	static @Nullable String optionalText(JsonNode object, String name) {
		JsonNode value = field(object, name);
		if (value == null) {
			return null;
		}
		if (!value.isString()) {
			throw new MalformedJsonException("field \"" + name + "\" is not a string");
		}
		return value.asString();
	}

	static boolean optionalBoolean(JsonNode object, String name) {
		JsonNode value = field(object, name);
		if (value == null) {
			return false;
		}
		if (!value.isBoolean()) {
			throw new MalformedJsonException("field \"" + name + "\" is not a boolean");
		}
		return value.asBoolean();
	}

	static @Nullable Boolean nullableBoolean(JsonNode object, String name) {
		return (field(object, name) != null) ? optionalBoolean(object, name) : null;
	}

	static long requiredLong(JsonNode object, String name) {
		JsonNode value = field(object, name);
		if (value == null || !value.canConvertToLong() || !value.isIntegralNumber()) {
			throw new MalformedJsonException("field \"" + name + "\" is not an integer");
		}
		return value.asLong();
	}

	static double number(JsonNode value, String what) {
		if (!value.isNumber()) {
			throw new MalformedJsonException(what + " is not a number");
		}
		return value.asDouble();
	}

	static @Nullable Instant optionalInstant(JsonNode object, String name) {
		String text = optionalText(object, name);
		return (text != null) ? parseInstant(name, text) : null;
	}

	/**
	 * Parses an RFC 3339 timestamp leniently: any number of fractional digits, {@code Z}
	 * or an offset, either case of {@code T} and {@code Z}.
	 */
	static Instant parseInstant(String name, String text) {
		try {
			return OffsetDateTime.parse(text.toUpperCase(Locale.ROOT), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
				.toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new MalformedJsonException("field \"" + name + "\" is not an RFC 3339 timestamp: \"" + text + "\"");
		}
	}

	static String formatInstant(Instant instant) {
		return DateTimeFormatter.ISO_INSTANT.format(instant);
	}

	static <E extends Enum<E> & WireValue> E wireEnum(Class<E> type, String name, String text) {
		for (E candidate : type.getEnumConstants()) {
			if (candidate.wireValue().equals(text)) {
				return candidate;
			}
		}
		throw new MalformedJsonException("field \"" + name + "\" has an unknown value \"" + text + "\"");
	}

	static <E extends Enum<E> & WireValue> @Nullable E optionalEnum(Class<E> type, JsonNode object, String name) {
		String text = optionalText(object, name);
		return (text != null) ? wireEnum(type, name, text) : null;
	}

	static <T> List<T> array(@Nullable JsonNode value, String name, Function<JsonNode, T> reader) {
		if (value == null) {
			return List.of();
		}
		if (!value.isArray()) {
			throw new MalformedJsonException("field \"" + name + "\" is not an array");
		}
		List<T> items = new ArrayList<>(value.size());
		for (JsonNode item : value) {
			items.add(reader.apply(item));
		}
		return items;
	}

	/**
	 * A response body that is not the JSON S2 documents.
	 */
	static final class MalformedJsonException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		MalformedJsonException(String message) {
			super(message);
		}

	}

}
