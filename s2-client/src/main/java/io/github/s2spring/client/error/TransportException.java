package io.github.s2spring.client.error;

import org.jspecify.annotations.Nullable;

/**
 * A failure of the connection rather than an answer from S2: the connection could not be
 * opened, broke, or went silent. Its status is 0; its code says what happened.
 */
public final class TransportException extends S2Exception {

	private static final long serialVersionUID = 1L;

	/** Opening the connection failed: nothing was sent. */
	public static final String CONNECT_FAILED = "connect_failed";

	/** Opening the connection took longer than the connect timeout: nothing was sent. */
	public static final String CONNECT_TIMEOUT = "connect_timeout";

	/** The connection or HTTP/2 stream broke while a request was under way. */
	public static final String CONNECTION_LOST = "connection_lost";

	/** No response or acknowledgement arrived within the request timeout. */
	public static final String REQUEST_TIMEOUT = "request_timeout";

	/** A read session received nothing, not even a heartbeat, within the timeout. */
	public static final String HEARTBEAT_TIMEOUT = "heartbeat_timeout";

	/**
	 * The server ended a session's HTTP/2 stream (END_STREAM, GOAWAY or a closed
	 * connection) before the session was done, for example while restarting; sessions
	 * reconnect.
	 */
	public static final String SESSION_ENDED = "session_ended";

	/** The server advised a reconnect (it is draining). */
	public static final String RECONNECT_ADVISED = "reconnect_advised";

	/** The server sent something that is not valid S2. */
	public static final String PROTOCOL_ERROR = "protocol_error";

	/** The client or session was closed. */
	public static final String CLOSED = "closed";

	/**
	 * Creates an exception.
	 * @param code one of the codes of this class
	 * @param message the message
	 * @param retryable whether retrying may succeed
	 * @param noSideEffects whether the request certainly had no effect
	 * @param cause the cause, if any
	 */
	public TransportException(String code, String message, boolean retryable, boolean noSideEffects,
			@Nullable Throwable cause) {
		super(0, code, message, retryable, noSideEffects, cause);
	}

	/**
	 * A connection that could not be opened.
	 * @param origin the origin
	 * @param cause the cause
	 * @return the exception
	 */
	public static TransportException connectFailed(String origin, Throwable cause) {
		return new TransportException(CONNECT_FAILED,
				"Could not connect to " + origin + ": " + cause.getClass().getSimpleName() + ": " + cause.getMessage(),
				true, true, cause);
	}

	/**
	 * A request interrupted by a broken connection.
	 * @param what what was under way
	 * @param cause the cause, if any
	 * @return the exception
	 */
	public static TransportException connectionLost(String what, @Nullable Throwable cause) {
		String detail = (cause != null) ? ": " + cause.getClass().getSimpleName() + ": " + cause.getMessage() : "";
		return new TransportException(CONNECTION_LOST, "Connection lost during " + what + detail, true, false, cause);
	}

	/**
	 * A session whose HTTP/2 stream the server ended before the session was done.
	 * @param what the session kind
	 * @return the exception, retryable
	 */
	public static TransportException sessionEnded(String what) {
		return new TransportException(SESSION_ENDED, "The server ended the " + what + " before it was done", true,
				false, null);
	}

	/**
	 * A client or session that was closed.
	 * @param what what was closed
	 * @return the exception
	 */
	public static TransportException closed(String what) {
		return new TransportException(CLOSED, what + " is closed", false, true, null);
	}

}
