package io.github.s2spring.client.patterns;

import org.jspecify.annotations.Nullable;

/**
 * A message refused because its {@link SerializingAppendSession} takes no more: it was
 * closed, or it failed (then {@link #getCause()} is the failure). Nothing was stamped or
 * written. Code {@code writer_closed}. After a failure, create a new writer on a new
 * session and {@link SerializingAppendSession#resend(PreparedMessage) resend} the
 * messages that failed with a {@link MessageAppendException} first.
 */
public final class WriterClosedException extends PatternException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception.
	 * @param failure the failure that ended the writer, or {@code null} if it was closed
	 */
	public WriterClosedException(@Nullable Throwable failure) {
		super("writer_closed", (failure != null)
				? "This writer failed and takes no more messages; create a new one and resend the failed messages first: "
						+ failure.getMessage()
				: "This writer is closed and takes no more messages", true, failure);
	}

}
