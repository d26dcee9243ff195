package io.github.s2spring.client.patterns;

/**
 * A message that a {@link S2Serializer} could not turn into bytes, or bytes it could not
 * turn back into a message. Code {@code serialization_failed}.
 */
public final class SerializationException extends PatternException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception.
	 * @param message what could not be serialized or deserialized
	 * @param cause the serializer's error
	 */
	public SerializationException(String message, Throwable cause) {
		super("serialization_failed", message, true, cause);
	}

}
