package io.github.s2spring.client.patterns;

import java.nio.charset.StandardCharsets;

/**
 * Text as UTF-8.
 */
final class StringSerializer implements S2Serializer<String> {

	static final StringSerializer INSTANCE = new StringSerializer();

	private StringSerializer() {
	}

	@Override
	public byte[] serialize(String message) {
		return message.getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public String deserialize(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

}
