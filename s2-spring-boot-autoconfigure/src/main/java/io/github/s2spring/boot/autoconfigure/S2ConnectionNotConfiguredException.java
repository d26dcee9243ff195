package io.github.s2spring.boot.autoconfigure;

/**
 * Thrown at startup when the application says nothing of where S2 is: no
 * {@code s2.base-url}, no endpoint, no token, and no embedded S2 on the class path. Its
 * failure analysis says what to set.
 */
public class S2ConnectionNotConfiguredException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception for an application that configures nothing.
	 */
	public S2ConnectionNotConfiguredException() {
		this("No S2 connection is configured: s2.base-url, s2.account-endpoint, s2.basin-endpoint and s2.token "
				+ "are all unset, and s2-embedded is not on the class path (or s2.embedded.enabled is false)");
	}

	/**
	 * Creates the exception.
	 * @param message what is missing
	 */
	public S2ConnectionNotConfiguredException(String message) {
		super(message);
	}

}
