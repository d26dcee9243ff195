package io.github.s2spring.support;

import org.jspecify.annotations.Nullable;

/**
 * A payload that could not be converted to or from message bytes: nothing was sent, or
 * the message could not be delivered to a listener in the type it asks for.
 */
public class S2ConversionException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception.
	 * @param message what could not be converted, and why
	 * @param cause the cause, if any
	 */
	public S2ConversionException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
