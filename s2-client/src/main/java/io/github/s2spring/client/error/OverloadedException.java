package io.github.s2spring.client.error;

/**
 * The client refused work because a bound was reached, before anything was queued or
 * sent: for example an append session's waiting queue is full. Status 0, code
 * {@value #CODE}; retryable (later, once the backlog has shrunk) and certainly without
 * effect.
 */
public class OverloadedException extends S2Exception {

	/** The code of every overload refusal. */
	public static final String CODE = "overloaded";

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception.
	 * @param message what was full, and its bound
	 */
	public OverloadedException(String message) {
		super(0, CODE, message, true, true, null);
	}

}
