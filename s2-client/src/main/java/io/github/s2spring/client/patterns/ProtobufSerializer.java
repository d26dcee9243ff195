package io.github.s2spring.client.patterns;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;

/**
 * Protobuf messages in their binary encoding.
 *
 * @param <T> the type of the messages
 */
final class ProtobufSerializer<T extends MessageLite> implements S2Serializer<T> {

	private final Parser<T> parser;

	ProtobufSerializer(Parser<T> parser) {
		this.parser = parser;
	}

	@Override
	public byte[] serialize(T message) {
		return message.toByteArray();
	}

	@Override
	public T deserialize(byte[] bytes) {
		try {
			return this.parser.parseFrom(bytes);
		}
		catch (InvalidProtocolBufferException ex) {
			throw new SerializationException("Cannot parse " + bytes.length + " bytes as a protobuf message", ex);
		}
	}

}
