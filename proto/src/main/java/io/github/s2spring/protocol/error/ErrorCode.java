package io.github.s2spring.protocol.error;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * The error codes of the S2 v1 API with their HTTP status, whether a client may retry
 * them, and whether they guarantee that the request had no side effects.
 */
public enum ErrorCode {

	/** Missing, unknown, expired or revoked access token. */
	AUTHN("authn", 401, false, true),

	/** A malformed S2S frame. */
	BAD_FRAME("bad_frame", 400, false, true),

	/** A malformed or missing header. */
	BAD_HEADER("bad_header", 400, false, true),

	/** A malformed JSON body. */
	BAD_JSON("bad_json", 400, false, true),

	/** A malformed path. */
	BAD_PATH("bad_path", 400, false, true),

	/** A malformed protobuf body. */
	BAD_PROTO("bad_proto", 400, false, true),

	/** A malformed query string. */
	BAD_QUERY("bad_query", 400, false, true),

	/** A missing or wrong encryption key. */
	DECRYPTION_FAILED("decryption_failed", 400, false, true),

	/** The token's scope does not allow the operation. */
	PERMISSION_DENIED("permission_denied", 403, false, true),

	/** The account's quota is used up. */
	QUOTA_EXHAUSTED("quota_exhausted", 403, false, true),

	/** No access token with that id. */
	ACCESS_TOKEN_NOT_FOUND("access_token_not_found", 404, false, true),

	/** No basin with that name. */
	BASIN_NOT_FOUND("basin_not_found", 404, false, true),

	/** No stream with that name. */
	STREAM_NOT_FOUND("stream_not_found", 404, false, true),

	/** The request timed out; it may have taken effect. */
	REQUEST_TIMEOUT("request_timeout", 408, true, false),

	/** The basin is being deleted. */
	BASIN_DELETION_PENDING("basin_deletion_pending", 409, false, true),

	/** A resource with that name already exists. */
	RESOURCE_ALREADY_EXISTS("resource_already_exists", 409, false, true),

	/** The stream is being deleted. */
	STREAM_DELETION_PENDING("stream_deletion_pending", 409, false, true),

	/** A concurrent change conflicted; retry. */
	TRANSACTION_CONFLICT("transaction_conflict", 409, true, true),

	/** The request is well-formed but breaks a rule. */
	INVALID("invalid", 422, false, true),

	/** Too many requests; retry later. */
	RATE_LIMITED("rate_limited", 429, true, true),

	/** The client went away. */
	CLIENT_HANGUP("client_hangup", 499, false, false),

	/** An unexpected server error. */
	OTHER("other", 500, true, false),

	/** A storage error. */
	STORAGE("storage", 500, true, false),

	/** The operation is not implemented by this server. */
	NOT_IMPLEMENTED("not_implemented", 501, false, true),

	/** The server is overloaded. */
	HOT_SERVER("hot_server", 502, true, true),

	/** The server is shutting down; reconnect. */
	SERVER_DRAINING("server_draining", 503, true, true),

	/** The service is unavailable; the request may have taken effect. */
	UNAVAILABLE("unavailable", 503, true, false),

	/** An upstream timed out; the request may have taken effect. */
	UPSTREAM_TIMEOUT("upstream_timeout", 504, true, false);

	private static final Map<String, ErrorCode> BY_CODE = Stream.of(values())
		.collect(Collectors.toUnmodifiableMap(ErrorCode::code, Function.identity()));

	private static final Set<Integer> RETRYABLE_STATUSES = Set.of(408, 429, 500, 502, 503, 504);

	private final String code;

	private final int status;

	private final boolean retryable;

	private final boolean noSideEffects;

	ErrorCode(String code, int status, boolean retryable, boolean noSideEffects) {
		this.code = code;
		this.status = status;
		this.retryable = retryable;
		this.noSideEffects = noSideEffects;
	}

	/**
	 * The snake_case code as it appears in error bodies.
	 * @return the code
	 */
	public String code() {
		return this.code;
	}

	/**
	 * The HTTP status that carries this code.
	 * @return the status
	 */
	public int status() {
		return this.status;
	}

	/**
	 * Whether a client may retry a request that failed with this code.
	 * @return whether retryable
	 */
	public boolean retryable() {
		return this.retryable;
	}

	/**
	 * Whether this code guarantees that the failed request changed nothing.
	 * @return whether side-effect free
	 */
	public boolean noSideEffects() {
		return this.noSideEffects;
	}

	/**
	 * An error body with this code.
	 * @param message the human-readable message
	 * @return the body
	 */
	public ErrorBody.Info info(String message) {
		return new ErrorBody.Info(this.code, message);
	}

	/**
	 * Looks up a code.
	 * @param code the snake_case code
	 * @return the error code, or empty if the code is unknown
	 */
	public static Optional<ErrorCode> of(@Nullable String code) {
		return Optional.ofNullable((code != null) ? BY_CODE.get(code) : null);
	}

	/**
	 * Whether a client should retry a response: a known code is retried if it is
	 * retryable and its status is the response status; an unknown code (or none) is
	 * retried for 408, 429, 500, 502, 503 and 504.
	 * @param status the HTTP status of the response
	 * @param code the code of the body, if any
	 * @return whether to retry
	 */
	public static boolean isRetryable(int status, @Nullable String code) {
		Optional<ErrorCode> known = of(code);
		if (known.isPresent() && known.get().status == status) {
			return known.get().retryable;
		}
		return RETRYABLE_STATUSES.contains(status);
	}

}
