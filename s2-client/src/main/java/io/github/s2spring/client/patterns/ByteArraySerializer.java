package io.github.s2spring.client.patterns;

/**
 * Raw bytes, copied in both directions.
 */
final class ByteArraySerializer implements S2Serializer<byte[]> {

	static final ByteArraySerializer INSTANCE = new ByteArraySerializer();

	private ByteArraySerializer() {
	}

	@Override
	public byte[] serialize(byte[] message) {
		return message.clone();
	}

	@Override
	public byte[] deserialize(byte[] bytes) {
		return bytes.clone();
	}

}
