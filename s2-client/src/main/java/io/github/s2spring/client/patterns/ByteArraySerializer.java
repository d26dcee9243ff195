package io.github.s2spring.client.patterns;

/**
 * Raw bytes, as they are: the writer copies them into its batch while sending, and the
 * reader makes a new array for every message, so neither direction needs a copy.
 */
final class ByteArraySerializer implements S2Serializer<byte[]> {

	static final ByteArraySerializer INSTANCE = new ByteArraySerializer();

	private ByteArraySerializer() {
	}

	@Override
	public byte[] serialize(byte[] message) {
		return message;
	}

	@Override
	public byte[] deserialize(byte[] bytes) {
		return bytes;
	}

}
