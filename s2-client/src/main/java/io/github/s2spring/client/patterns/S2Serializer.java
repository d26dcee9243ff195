package io.github.s2spring.client.patterns;

import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;
import tools.jackson.databind.ObjectMapper;

/**
 * Turns messages into bytes and back. The bytes are what the patterns writer chunks and
 * frames; a TypeScript service reading the same stream must use a deserializer that
 * understands them (for the JSON serializer: {@code JSON.parse} of the UTF-8 text).
 *
 * @param <T> the type of the messages
 */
public interface S2Serializer<T> {

	/**
	 * Serializes a message.
	 * @param message the message
	 * @return its bytes
	 * @throws SerializationException if the message cannot be serialized
	 */
	byte[] serialize(T message);

	/**
	 * Deserializes a message.
	 * @param bytes the bytes of one message
	 * @return the message
	 * @throws SerializationException if the bytes are not a message of this type
	 */
	T deserialize(byte[] bytes);

	/**
	 * JSON with Jackson 3 and a default {@code JsonMapper}: the default serializer.
	 * @param <T> the type of the messages
	 * @param type the class of the messages
	 * @return the serializer
	 */
	static <T> S2Serializer<T> json(Class<T> type) {
		return new JsonSerializer<>(JsonSerializer.DEFAULT_MAPPER, type);
	}

	/**
	 * JSON with Jackson 3 and the given mapper.
	 * @param <T> the type of the messages
	 * @param mapper the mapper
	 * @param type the class of the messages
	 * @return the serializer
	 */
	static <T> S2Serializer<T> json(ObjectMapper mapper, Class<T> type) {
		return new JsonSerializer<>(mapper, type);
	}

	/**
	 * Text as UTF-8; malformed input is replaced, never rejected.
	 * @return the serializer
	 */
	static S2Serializer<String> string() {
		return StringSerializer.INSTANCE;
	}

	/**
	 * Raw bytes, copied in both directions so that later changes to an array do not
	 * change a message.
	 * @return the serializer
	 */
	static S2Serializer<byte[]> bytes() {
		return ByteArraySerializer.INSTANCE;
	}

	/**
	 * Protobuf messages in their binary encoding.
	 * @param <T> the type of the messages
	 * @param parser the parser of the message type, for example {@code MyEvent.parser()}
	 * @return the serializer
	 */
	static <T extends MessageLite> S2Serializer<T> protobuf(Parser<T> parser) {
		return new ProtobufSerializer<>(parser);
	}

}
