package io.github.s2spring.embedded.auth;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.embedded.http.Grant;
import io.github.s2spring.embedded.http.Operation;

/**
 * An access token as described by {@code AccessTokenInfo}: its id, expiry, stream
 * prefixing and scope. It is also the {@link Grant} of the requests made with it.
 *
 * @param id the token id
 * @param expiresAt when it expires, or {@code null} for never
 * @param autoPrefixStreams whether stream names are prefixed with the stream scope's
 * prefix in requests and stripped in responses
 * @param scope the scope
 */
public record AccessToken(String id, @Nullable Instant expiresAt, boolean autoPrefixStreams,
		TokenScope scope) implements Grant {

	/**
	 * The root token: every permission, no expiry.
	 * @return the token
	 */
	public static AccessToken root() {
		return new AccessToken("", null, false, TokenScope.ALL);
	}

	/**
	 * Whether the token has expired.
	 * @param nowMillis the time, ms since the epoch
	 * @return whether it is expired
	 */
	public boolean expired(long nowMillis) {
		return this.expiresAt != null && this.expiresAt.toEpochMilli() <= nowMillis;
	}

	@Override
	public boolean allowsBasin(String basin) {
		return TokenScope.setOf(this.scope.basins()).matches(basin);
	}

	@Override
	public boolean allowsStream(String stream) {
		return TokenScope.setOf(this.scope.streams()).matches(stream);
	}

	@Override
	public boolean allowsOperation(Operation operation) {
		return this.scope.allows(operation);
	}

	/**
	 * Whether the token may manage a token id.
	 * @param tokenId the id
	 * @return whether it is in the token's access token set
	 */
	public boolean allowsTokenId(String tokenId) {
		return TokenScope.setOf(this.scope.accessTokens()).matches(tokenId);
	}

	@Override
	public String streamPrefix() {
		ResourceSet streams = this.scope.streams();
		return (this.autoPrefixStreams && streams != null && streams.prefix()) ? streams.value() : "";
	}

}
