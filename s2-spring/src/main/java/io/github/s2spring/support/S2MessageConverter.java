package io.github.s2spring.support;

import java.lang.reflect.Type;
import java.util.Map;

/**
 * Turns the payloads of a Spring application into message bytes and back: the template
 * converts what it sends, listeners convert what they receive to their parameter's type.
 * The bytes are what the patterns writer chunks, frames and dedupe-stamps.
 */
public interface S2MessageConverter {

	/**
	 * Serializes a payload.
	 * @param payload the payload
	 * @param headers the message's headers; a converter may add some, such as
	 * {@link S2Headers#CONTENT_TYPE}
	 * @return the bytes, never empty
	 * @throws S2ConversionException if the payload cannot be serialized
	 */
	byte[] toBytes(Object payload, Map<String, String> headers);

	/**
	 * Deserializes a message.
	 * @param bytes the message's bytes
	 * @param headers the message's headers
	 * @param targetType the type to produce, a {@link Class} or a generic type
	 * @return the payload
	 * @throws S2ConversionException if the bytes are not a payload of that type
	 */
	Object fromBytes(byte[] bytes, Map<String, String> headers, Type targetType);

}
