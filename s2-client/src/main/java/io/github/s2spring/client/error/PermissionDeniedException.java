package io.github.s2spring.client.error;

/**
 * The access token is missing, invalid or expired (HTTP 401, code {@code authn}) or does
 * not allow the operation (HTTP 403).
 */
public final class PermissionDeniedException extends S2Exception {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception.
	 * @param status 401 or 403
	 * @param code the code
	 * @param message the message
	 */
	public PermissionDeniedException(int status, String code, String message) {
		super(status, code, message, false, true, null);
	}

}
