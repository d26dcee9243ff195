package io.github.s2spring.client.patterns;

/**
 * Base class of the errors of the typed-message patterns: a message that cannot be
 * written, or a stream that cannot be read as messages.
 */
public abstract class PatternException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception.
	 * @param message what went wrong
	 */
	protected PatternException(String message) {
		super(message);
	}

	/**
	 * Creates an exception with a cause.
	 * @param message what went wrong
	 * @param cause the cause
	 */
	protected PatternException(String message, Throwable cause) {
		super(message, cause);
	}

}
