package io.github.s2spring.client.error;

/**
 * The basin, stream or access token does not exist (HTTP 404).
 */
public final class NotFoundException extends S2Exception {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception.
	 * @param code the code, such as {@code stream_not_found}
	 * @param message the message
	 */
	public NotFoundException(String code, String message) {
		super(404, code, message, false, true, null);
	}

}
