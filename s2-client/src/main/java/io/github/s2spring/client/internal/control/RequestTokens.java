package io.github.s2spring.client.internal.control;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Idempotency tokens for {@code s2-request-token}: base64 of 16 random bytes, as the
 * official SDKs make them. One token is made per create call and sent on every retry.
 */
final class RequestTokens {

	/** The header that carries the token. */
	static final String HEADER = "s2-request-token";

	private static final SecureRandom RANDOM = new SecureRandom();

	private RequestTokens() {
	}

	static String newToken() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return Base64.getEncoder().encodeToString(bytes);
	}

}
