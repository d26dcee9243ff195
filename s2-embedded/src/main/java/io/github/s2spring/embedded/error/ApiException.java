package io.github.s2spring.embedded.error;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import io.github.s2spring.protocol.StreamPosition;
import io.github.s2spring.protocol.error.ErrorBodies;
import io.github.s2spring.protocol.error.ErrorBody;
import io.github.s2spring.protocol.error.ErrorCode;
import io.github.s2spring.protocol.limits.ValidationException;

/**
 * A request the server refuses: the HTTP status and the S2 error body to answer with, as
 * a unary response or as the terminal frame of a session.
 */
public final class ApiException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final int status;

	private final transient ErrorBody body;

	/**
	 * Creates an exception.
	 * @param status the HTTP status
	 * @param body the error body
	 */
	public ApiException(int status, ErrorBody body) {
		super(describe(body), null, false, false);
		this.status = status;
		this.body = body;
	}

	/**
	 * An error with one of S2's codes and its status.
	 * @param code the code
	 * @param message the message naming what was wrong
	 * @return the exception
	 */
	public static ApiException of(ErrorCode code, String message) {
		return new ApiException(code.status(), code.info(message));
	}

	/**
	 * A 412 for a fencing token that does not match.
	 * @param current the stream's current fencing token
	 * @return the exception
	 */
	public static ApiException fencingTokenMismatch(String current) {
		return new ApiException(ErrorBodies.PRECONDITION_FAILED, new ErrorBody.FencingTokenMismatch(current));
	}

	/**
	 * A 412 for a {@code match_seq_num} that does not match.
	 * @param next the sequence number the next record would get
	 * @return the exception
	 */
	public static ApiException seqNumMismatch(long next) {
		return new ApiException(ErrorBodies.PRECONDITION_FAILED, new ErrorBody.SeqNumMismatch(next));
	}

	/**
	 * A 416 for a read starting beyond the tail.
	 * @param tail the stream's tail
	 * @return the exception
	 */
	public static ApiException rangeNotSatisfiable(StreamPosition tail) {
		return new ApiException(ErrorBodies.RANGE_NOT_SATISFIABLE, new ErrorBody.RangeNotSatisfiable(tail));
	}

	/**
	 * Converts any error to the API error it is answered with: an {@link ApiException} as
	 * it is, a broken validation rule as {@code 422 invalid}, anything else as
	 * {@code 500 other} without internals.
	 * @param error the error
	 * @return the API error
	 */
	public static ApiException from(Throwable error) {
		Throwable cause = error;
		while ((cause instanceof CompletionException || cause instanceof ExecutionException)
				&& cause.getCause() != null) {
			cause = cause.getCause();
		}
		if (cause instanceof ApiException api) {
			return api;
		}
		if (cause instanceof ValidationException validation) {
			return of(ErrorCode.INVALID, validation.getMessage());
		}
		return of(ErrorCode.OTHER, "Internal error: " + cause.getClass().getSimpleName());
	}

	/**
	 * The HTTP status.
	 * @return the status
	 */
	public int status() {
		return this.status;
	}

	/**
	 * The error body.
	 * @return the body
	 */
	public ErrorBody body() {
		return this.body;
	}

	/**
	 * The error body as JSON.
	 * @return the JSON text
	 */
	public String json() {
		return ErrorBodies.toJson(this.body);
	}

	private static String describe(ErrorBody body) {
		return ErrorBodies.toJson(body);
	}

}
