package io.github.s2spring.client.patterns;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.client.error.S2Exception;

/**
 * Base class of the errors of the typed-message patterns: a message that cannot be
 * written, or a stream that cannot be read as messages.
 */
public abstract class PatternException extends S2Exception {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception. Its status is 0 and it is not retryable: the same message or
	 * records fail the same way again.
	 * @param code the error code, such as {@code frame_size}
	 * @param message what went wrong
	 * @param noSideEffects whether nothing was written
	 * @param cause the cause, if any
	 */
	protected PatternException(String code, String message, boolean noSideEffects, @Nullable Throwable cause) {
		super(0, code, message, false, noSideEffects, cause);
	}

}
