package io.github.s2spring.client.patterns;

/**
 * A message that serialized to zero bytes. It is refused before anything is written: the
 * patterns wire format cannot carry an empty frame, and a reader would reject it. Code
 * {@code empty_message}.
 */
public final class EmptyMessageException extends PatternException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception.
	 */
	public EmptyMessageException() {
		super("empty_message", "A message serialized to 0 bytes; an empty message cannot be written", true, null);
	}

}
