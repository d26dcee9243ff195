package io.github.s2spring.client.patterns;

/**
 * A serializer made of two functions ({@link S2Serializer#of}).
 *
 * @param <T> the type of the messages
 */
final class FunctionSerializer<T> implements S2Serializer<T> {

	private final Conversion<? super T, byte[]> serializer;

	private final Conversion<byte[], ? extends T> deserializer;

	FunctionSerializer(Conversion<? super T, byte[]> serializer, Conversion<byte[], ? extends T> deserializer) {
		this.serializer = serializer;
		this.deserializer = deserializer;
	}

	@Override
	public byte[] serialize(T message) {
		try {
			return this.serializer.apply(message);
		}
		catch (SerializationException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new SerializationException(
					"Cannot serialize a message of type " + message.getClass().getName() + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public T deserialize(byte[] bytes) {
		try {
			return this.deserializer.apply(bytes);
		}
		catch (SerializationException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new SerializationException("Cannot deserialize " + bytes.length + " bytes: " + ex.getMessage(), ex);
		}
	}

}
