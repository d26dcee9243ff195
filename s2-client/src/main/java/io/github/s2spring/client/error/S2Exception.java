package io.github.s2spring.client.error;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.protocol.error.ErrorBodies;
import io.github.s2spring.protocol.error.ErrorBody;
import io.github.s2spring.protocol.error.ErrorCode;

/**
 * A failed S2 call: the HTTP status (0 when the failure happened before or outside an
 * HTTP response), S2's error code, the message, and whether retrying may help. The same
 * types are thrown for an error response and for an error terminal frame of a session.
 */
public class S2Exception extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final int status;

	private final String code;

	private final boolean retryable;

	private final boolean noSideEffects;

	/**
	 * Creates an exception.
	 * @param status the HTTP status, 0 if none
	 * @param code the error code
	 * @param message the message
	 * @param retryable whether retrying may succeed
	 * @param noSideEffects whether the failed request certainly changed nothing
	 * @param cause the cause, if any
	 */
	public S2Exception(int status, String code, String message, boolean retryable, boolean noSideEffects,
			@Nullable Throwable cause) {
		super(message, cause);
		this.status = status;
		this.code = code;
		this.retryable = retryable;
		this.noSideEffects = noSideEffects;
	}

	/**
	 * Maps an error response or terminal frame to the most specific exception.
	 * @param status the HTTP status
	 * @param body the raw body, possibly empty
	 * @return the exception
	 */
	public static S2Exception fromResponse(int status, @Nullable String body) {
		return of(status, ErrorBodies.parse(status, body));
	}

	/**
	 * Maps a parsed error body to the most specific exception.
	 * @param status the HTTP status
	 * @param body the parsed body
	 * @return the exception
	 */
	public static S2Exception of(int status, ErrorBody body) {
		if (body instanceof ErrorBody.SeqNumMismatch mismatch) {
			return new SeqNumMismatchException(mismatch.expectedSeqNum());
		}
		if (body instanceof ErrorBody.FencingTokenMismatch mismatch) {
			return new FencingTokenMismatchException(mismatch.expectedFencingToken());
		}
		if (body instanceof ErrorBody.RangeNotSatisfiable range) {
			return new RangeNotSatisfiableException(range.tail());
		}
		ErrorBody.Info info = (ErrorBody.Info) body;
		String code = info.code();
		String message = info.message();
		boolean retryable = ErrorCode.isRetryable(status, code);
		boolean noSideEffects = ErrorCode.of(code)
			.filter((known) -> known.status() == status)
			.map(ErrorCode::noSideEffects)
			.orElse(false);
		return switch (status) {
			case 401, 403 -> new PermissionDeniedException(status, code, message);
			case 404 -> new NotFoundException(code, message);
			case 409 -> new ConflictException(code, message, retryable);
			case 429 -> new RateLimitedException(code, message);
			default -> new S2Exception(status, code, message, retryable, noSideEffects, null);
		};
	}

	/**
	 * The HTTP status, or 0 if the failure was not an HTTP response.
	 * @return the status
	 */
	public int status() {
		return this.status;
	}

	/**
	 * S2's error code, such as {@code stream_not_found}, or a client-side code such as
	 * {@code connection_lost}.
	 * @return the code
	 */
	public String code() {
		return this.code;
	}

	/**
	 * Whether retrying the same call may succeed.
	 * @return whether retryable
	 */
	public boolean retryable() {
		return this.retryable;
	}

	/**
	 * Whether the failed call certainly had no effect (so even an append may be retried
	 * without risk of duplicates).
	 * @return whether side-effect free
	 */
	public boolean noSideEffects() {
		return this.noSideEffects;
	}

	/**
	 * Whether the server asked the client to reconnect (it is draining).
	 * @return whether a reconnect is advised
	 */
	public boolean reconnectAdvised() {
		return this.code.equals(ErrorCode.SERVER_DRAINING.code())
				|| this.code.equals(TransportException.RECONNECT_ADVISED);
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[status=" + this.status + ", code=" + this.code + ", retryable="
				+ this.retryable + "]: " + getMessage();
	}

}
