package io.github.s2spring.client.patterns;

/**
 * A message whose records could not all be acknowledged (code
 * {@code message_append_failed}). Whether they were written is unknown:
 * {@link #message()} holds the records exactly as they were sent, so that resending them
 * ({@link SerializingAppendSession#resend(PreparedMessage)}) carries the same dedupe
 * stamps and readers drop the copies that were written.
 */
public final class MessageAppendException extends PatternException {

	private static final long serialVersionUID = 1L;

	private final transient PreparedMessage message;

	/**
	 * Creates an exception.
	 * @param message the message as it was sent
	 * @param cause the failure that ended the writer (its session's typed exception)
	 */
	public MessageAppendException(PreparedMessage message, Throwable cause) {
		super("message_append_failed", "Append of a message of " + message.recordCount() + " records ("
				+ message.bytes() + " bytes) failed; its outcome is unknown: " + cause.getMessage(), false, cause);
		this.message = message;
	}

	/**
	 * The message as it was sent, with its stamps.
	 * @return the prepared message
	 */
	public PreparedMessage message() {
		return this.message;
	}

}
