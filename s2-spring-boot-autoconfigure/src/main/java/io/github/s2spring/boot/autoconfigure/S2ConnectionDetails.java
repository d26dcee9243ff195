package io.github.s2spring.boot.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where S2 is and how to authenticate. The auto-configuration builds the client from this
 * bean only; by default it comes from {@link S2Properties} ({@code s2.base-url},
 * {@code s2.token}, ...), from the embedded S2, or from a test or container integration
 * that defines its own.
 */
public interface S2ConnectionDetails extends ConnectionDetails {

	/**
	 * The account (control plane) endpoint, for example {@code https://a.s2.dev/v1}.
	 * @return the endpoint
	 */
	String getAccountEndpoint();

	/**
	 * The basin (data plane) endpoint, possibly with a {@code {basin}} placeholder, for
	 * example {@code https://{basin}.b.s2.dev/v1}.
	 * @return the endpoint
	 */
	String getBasinEndpoint();

	/**
	 * The access token, or {@code null} (or empty) to send none, as for a local S2
	 * without authentication.
	 * @return the token
	 */
	@Nullable String getAccessToken();

	/**
	 * The basin used when a stream is named without one, or {@code null} if every caller
	 * names its basin.
	 * @return the default basin
	 */
	default @Nullable String getBasin() {
		return null;
	}

}
