package io.github.s2spring.client.error;

/**
 * The request conflicts with the resource's state (HTTP 409): it already exists, it is
 * being deleted, or a concurrent change won. Only a transaction conflict is worth
 * retrying as is; a resource being deleted can be created again once it is gone.
 */
public final class ConflictException extends S2Exception {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception.
	 * @param code the code, such as {@code stream_deletion_pending}
	 * @param message the message
	 * @param retryable whether retrying the same request can succeed
	 */
	public ConflictException(String code, String message, boolean retryable) {
		super(409, code, message, retryable, true, null);
	}

	/**
	 * Whether the basin or stream is being deleted ({@code basin_deletion_pending} or
	 * {@code stream_deletion_pending}).
	 * @return whether a deletion is pending
	 */
	public boolean isDeletionPending() {
		return code().endsWith("_deletion_pending");
	}

	/**
	 * Whether the resource to create already exists ({@code resource_already_exists}).
	 * @return whether it exists
	 */
	public boolean isAlreadyExists() {
		return "resource_already_exists".equals(code());
	}

}
