package io.github.s2spring.support;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.google.protobuf.MessageLite;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The default conversion: {@code byte[]} as is, {@code String} as UTF-8, protobuf
 * messages as their binary encoding, and everything else as JSON with a Jackson 3
 * {@link JsonMapper} (the application's, in Boot). A {@link S2Headers#CONTENT_TYPE}
 * header says which, so that other services know how to read the message. Reading follows
 * the target type; JSON is read leniently (unknown properties are ignored) unless the
 * mapper says otherwise.
 */
public class DefaultS2MessageConverter implements S2MessageConverter {

	/** The content type of JSON payloads. */
	public static final String JSON = "application/json";

	/** The content type of text payloads. */
	public static final String TEXT = "text/plain;charset=utf-8";

	/** The content type of binary payloads. */
	public static final String BINARY = "application/octet-stream";

	/** The content type of protobuf payloads. */
	public static final String PROTOBUF = "application/x-protobuf";

	private final JsonMapper jsonMapper;

	private final Map<Class<?>, Method> protobufParsers = new ConcurrentHashMap<>();

	/**
	 * Creates a converter with a default mapper that ignores unknown properties.
	 */
	public DefaultS2MessageConverter() {
		this(JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build());
	}

	/**
	 * Creates a converter.
	 * @param jsonMapper the mapper of JSON payloads
	 */
	public DefaultS2MessageConverter(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	@Override
	public byte[] toBytes(Object payload, Map<String, String> headers) {
		if (payload instanceof byte[] bytes) {
			headers.putIfAbsent(S2Headers.CONTENT_TYPE, BINARY);
			return bytes;
		}
		if (payload instanceof String text) {
			headers.putIfAbsent(S2Headers.CONTENT_TYPE, TEXT);
			return text.getBytes(StandardCharsets.UTF_8);
		}
		if (payload instanceof MessageLite message) {
			headers.putIfAbsent(S2Headers.CONTENT_TYPE, PROTOBUF);
			return message.toByteArray();
		}
		try {
			byte[] json = this.jsonMapper.writeValueAsBytes(payload);
			headers.putIfAbsent(S2Headers.CONTENT_TYPE, JSON);
			return json;
		}
		catch (RuntimeException ex) {
			throw new S2ConversionException(
					"Cannot write a " + payload.getClass().getName() + " as JSON: " + ex.getMessage(), ex);
		}
	}

	@Override
	public Object fromBytes(byte[] bytes, Map<String, String> headers, Type targetType) {
		if (targetType == byte[].class) {
			return bytes;
		}
		if (targetType == String.class) {
			return new String(bytes, StandardCharsets.UTF_8);
		}
		if (targetType instanceof Class<?> type && MessageLite.class.isAssignableFrom(type)) {
			return parseProtobuf(type, bytes);
		}
		if (targetType == Object.class) {
			String contentType = headers.getOrDefault(S2Headers.CONTENT_TYPE, JSON);
			if (contentType.startsWith("text/")) {
				return new String(bytes, StandardCharsets.UTF_8);
			}
			if (!contentType.startsWith(JSON)) {
				return bytes;
			}
		}
		try {
			return this.jsonMapper.readValue(bytes, this.jsonMapper.constructType(targetType));
		}
		catch (RuntimeException ex) {
			throw new S2ConversionException("Cannot read a message of " + bytes.length + " bytes as JSON of "
					+ targetType.getTypeName() + ": " + ex.getMessage(), ex);
		}
	}

	private Object parseProtobuf(Class<?> type, byte[] bytes) {
		Method parser = this.protobufParsers.computeIfAbsent(type, DefaultS2MessageConverter::parser);
		try {
			return parser.invoke(null, (Object) bytes);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			throw new S2ConversionException("Cannot read a message of " + bytes.length + " bytes as protobuf "
					+ type.getName() + ": " + cause.getMessage(), cause);
		}
	}

	private static Method parser(Class<?> type) {
		try {
			Method method = type.getMethod("parseFrom", byte[].class);
			if (!Modifier.isStatic(method.getModifiers())) {
				throw new NoSuchMethodException("parseFrom(byte[]) is not static");
			}
			return method;
		}
		catch (NoSuchMethodException ex) {
			throw new S2ConversionException(
					"Protobuf type " + type.getName() + " has no static parseFrom(byte[]) method", ex);
		}
	}

}
