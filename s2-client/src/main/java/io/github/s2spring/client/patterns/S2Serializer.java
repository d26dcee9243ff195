package io.github.s2spring.client.patterns;

import java.util.List;

import tools.jackson.databind.ObjectMapper;

import io.github.s2spring.client.data.Header;

/**
 * Turns messages into bytes and back. The bytes are what the patterns writer chunks and
 * frames; a TypeScript service reading the same stream must use a deserializer that
 * understands them (for the JSON serializer: {@code JSON.parse} of the UTF-8 text).
 * <p>
 * A serializer may also write headers beside the bytes (a content type, a schema id) and
 * read them back: they go on the message's first record, and a reader gives them back
 * without the patterns headers. The serializers made here write none, so that their
 * records are byte for byte those of the TypeScript writer.
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
	 * Serializes a message and may add headers for it. By default
	 * {@link #serialize(Object)}, adding none.
	 * @param message the message
	 * @param headers the message's headers so far, those given to
	 * {@link SerializingAppendSession#send(Object, List)}: a mutable list the serializer
	 * may add to (after them) and read, but should not remove from
	 * @return its bytes
	 * @throws SerializationException if the message cannot be serialized
	 */
	default byte[] serialize(T message, List<Header> headers) {
		return serialize(message);
	}

	/**
	 * Deserializes a message that came with headers. By default
	 * {@link #deserialize(byte[])}, ignoring them.
	 * @param bytes the bytes of one message
	 * @param headers the headers of the message's first record, without the patterns
	 * headers
	 * @return the message
	 * @throws SerializationException if the bytes are not a message of this type
	 */
	default T deserialize(byte[] bytes, List<Header> headers) {
		return deserialize(bytes);
	}

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
	 * Raw bytes, for messages serialized already: nothing is copied. The writer copies a
	 * message's bytes into its batch before {@code send} returns, so the array may be
	 * reused afterwards; a reader gives each message an array of its own.
	 * @return the serializer
	 */
	static S2Serializer<byte[]> bytes() {
		return ByteArraySerializer.INSTANCE;
	}

	/**
	 * A serializer made of two functions, for any encoding; checked exceptions of either
	 * become {@link SerializationException}s. For protobuf messages:
	 * {@code S2Serializer.of(MyEvent::toByteArray, MyEvent::parseFrom)}.
	 * @param <T> the type of the messages
	 * @param serializer turns a message into bytes
	 * @param deserializer turns the bytes of one message back into it
	 * @return the serializer
	 */
	static <T> S2Serializer<T> of(Conversion<? super T, byte[]> serializer,
			Conversion<byte[], ? extends T> deserializer) {
		return new FunctionSerializer<>(serializer, deserializer);
	}

	/**
	 * One direction of a serializer: a function that may throw.
	 *
	 * @param <A> what is converted
	 * @param <B> what it becomes
	 */
	@FunctionalInterface
	interface Conversion<A, B> {

		/**
		 * Converts a value.
		 * @param value the value
		 * @return the converted value
		 * @throws Exception if the value cannot be converted
		 */
		B apply(A value) throws Exception;

	}

}
