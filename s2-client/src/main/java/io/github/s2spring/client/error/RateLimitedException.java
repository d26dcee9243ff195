package io.github.s2spring.client.error;

/**
 * S2 throttled the request (HTTP 429); retryable after a backoff, and certainly without
 * effect.
 */
public final class RateLimitedException extends S2Exception {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception.
	 * @param code the code, usually {@code rate_limited}
	 * @param message the message
	 */
	public RateLimitedException(String code, String message) {
		super(429, code, message, true, true, null);
	}

}
