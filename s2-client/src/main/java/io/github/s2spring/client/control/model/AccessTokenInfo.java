package io.github.s2spring.client.control.model;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.client.error.ValidationException;
import io.github.s2spring.protocol.limits.Names;

/**
 * An access token's description: the request to issue one, and what a listing returns. It
 * never holds the token's secret.
 *
 * @param id the token id, 1 to 96 bytes
 * @param expiresAt when the token expires, or {@code null} for the issuer's expiry
 * @param autoPrefixStreams whether stream names are prefixed with the stream scope's
 * prefix on the way in and stripped on the way out
 * @param scope what the token may do
 */
public record AccessTokenInfo(String id, @Nullable Instant expiresAt, boolean autoPrefixStreams,
		AccessTokenScope scope) {

	/**
	 * Creates the description, checking the id.
	 * @param id the token id
	 * @param expiresAt the expiry
	 * @param autoPrefixStreams whether to prefix stream names
	 * @param scope the scope
	 */
	public AccessTokenInfo {
		ValidationException.check(() -> Names.requireAccessTokenId(id));
		Objects.requireNonNull(scope, "scope");
	}

	/**
	 * A token with a scope, the issuer's expiry and no stream name prefixing.
	 * @param id the token id
	 * @param scope the scope
	 * @return the description
	 */
	public static AccessTokenInfo of(String id, AccessTokenScope scope) {
		return new AccessTokenInfo(id, null, false, scope);
	}

	/**
	 * This description with an expiry.
	 * @param expiresAt the expiry
	 * @return the new description
	 */
	public AccessTokenInfo withExpiresAt(@Nullable Instant expiresAt) {
		return new AccessTokenInfo(this.id, expiresAt, this.autoPrefixStreams, this.scope);
	}

	/**
	 * This description with stream name prefixing on or off.
	 * @param autoPrefixStreams whether to prefix stream names
	 * @return the new description
	 */
	public AccessTokenInfo withAutoPrefixStreams(boolean autoPrefixStreams) {
		return new AccessTokenInfo(this.id, this.expiresAt, autoPrefixStreams, this.scope);
	}

}
