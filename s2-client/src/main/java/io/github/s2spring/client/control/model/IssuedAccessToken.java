package io.github.s2spring.client.control.model;

import java.util.Objects;

/**
 * A newly issued access token. The secret is shown only by {@link #accessToken()}, never
 * by {@link #toString()}.
 *
 * @param accessToken the secret token, to be sent as {@code Authorization: Bearer ...}
 */
public record IssuedAccessToken(String accessToken) {

	/**
	 * Creates the token.
	 * @param accessToken the secret
	 */
	public IssuedAccessToken {
		Objects.requireNonNull(accessToken, "accessToken");
	}

	@Override
	public String toString() {
		return "IssuedAccessToken[accessToken=****]";
	}

}
