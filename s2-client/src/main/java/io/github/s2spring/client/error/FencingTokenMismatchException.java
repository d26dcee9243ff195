package io.github.s2spring.client.error;

/**
 * An append's fencing token did not equal the stream's current token (HTTP 412).
 */
public final class FencingTokenMismatchException extends S2Exception {

	private static final long serialVersionUID = 1L;

	private final String expectedFencingToken;

	/**
	 * Creates an exception.
	 * @param expectedFencingToken the stream's current fencing token
	 */
	public FencingTokenMismatchException(String expectedFencingToken) {
		super(412, "fencing_token_mismatch",
				"Fencing token mismatch: the stream's fencing token is \"" + expectedFencingToken + "\"", false, true,
				null);
		this.expectedFencingToken = expectedFencingToken;
	}

	/**
	 * The stream's current fencing token.
	 * @return the expected token
	 */
	public String expectedFencingToken() {
		return this.expectedFencingToken;
	}

}
