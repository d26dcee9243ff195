package io.github.s2spring.embedded.auth;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.embedded.config.Json;
import io.github.s2spring.embedded.error.ApiException;
import io.github.s2spring.embedded.storage.Journal;
import io.github.s2spring.embedded.storage.JournalEntry;
import io.github.s2spring.embedded.store.ListPage;
import io.github.s2spring.embedded.store.StoreClock;
import io.github.s2spring.protocol.error.ErrorCode;

/**
 * The issued access tokens, by id and by the SHA-256 hash of their secret (secrets are
 * never kept). Issues and revocations are serialized and journaled, and rebuilt by
 * {@link #replay}; lookups never wait for them.
 */
public final class TokenStore {

	private final Journal journal;

	private final StoreClock clock;

	private final @Nullable ByteBuffer rootHash;

	private final ConcurrentSkipListMap<String, Issued> byId = new ConcurrentSkipListMap<>();

	private final Map<ByteBuffer, String> byHash = new ConcurrentHashMap<>();

	/**
	 * Creates an empty store.
	 * @param journal where issues and revocations are written
	 * @param clock the clock for expiry
	 * @param rootSecret the root token's secret, or {@code null} for none
	 */
	public TokenStore(Journal journal, StoreClock clock, @Nullable String rootSecret) {
		this.journal = journal;
		this.clock = clock;
		this.rootHash = (rootSecret != null) ? ByteBuffer.wrap(Secrets.hash(rootSecret)) : null;
	}

	/**
	 * Finds the token of a bearer secret.
	 * @param secret the secret sent, or {@code null}
	 * @return the token (the root token for the root secret)
	 * @throws ApiException {@code authn} if missing, unknown or expired
	 */
	public AccessToken authenticate(@Nullable String secret) {
		if (secret == null || secret.isEmpty()) {
			throw ApiException.of(ErrorCode.AUTHN, "Missing access token: send `Authorization: Bearer <token>`");
		}
		ByteBuffer hash = ByteBuffer.wrap(Secrets.hash(secret));
		if (hash.equals(this.rootHash)) {
			return AccessToken.root();
		}
		String id = this.byHash.get(hash);
		Issued issued = (id != null) ? this.byId.get(id) : null;
		if (issued == null || !issued.hash().equals(hash)) {
			throw ApiException.of(ErrorCode.AUTHN, "Unknown or revoked access token");
		}
		AccessToken token = issued.token();
		if (token.expired(this.clock.millis())) {
			throw ApiException.of(ErrorCode.AUTHN, "Access token expired at " + token.expiresAt());
		}
		return token;
	}

	/**
	 * Issues a token on behalf of another.
	 * @param issuer the token of the request
	 * @param requested the token asked for; a {@code null} expiry means the issuer's
	 * @return the new token's secret
	 * @throws ApiException {@code invalid}, {@code permission_denied} or
	 * {@code resource_already_exists}
	 */
	public synchronized String issue(AccessToken issuer, AccessToken requested) {
		AccessToken token = requested;
		if (token.expiresAt() == null && issuer.expiresAt() != null) {
			token = new AccessToken(token.id(), issuer.expiresAt(), token.autoPrefixStreams(), token.scope());
		}
		validate(token);
		if (!issuer.allowsTokenId(token.id())) {
			throw ApiException.of(ErrorCode.PERMISSION_DENIED,
					"Access token id `" + token.id() + "` is outside the requesting token's scope");
		}
		if (!issuer.scope().covers(token.scope())) {
			throw ApiException.of(ErrorCode.PERMISSION_DENIED,
					"Cannot issue a token with more permissions than the requesting token has");
		}
		Instant limit = issuer.expiresAt();
		Instant expiresAt = token.expiresAt();
		if (limit != null && (expiresAt == null || expiresAt.isAfter(limit))) {
			throw ApiException.of(ErrorCode.PERMISSION_DENIED,
					"Cannot issue a token that expires after the requesting token (" + limit + ")");
		}
		if (this.byId.containsKey(token.id())) {
			throw ApiException.of(ErrorCode.RESOURCE_ALREADY_EXISTS, "Access token already exists: " + token.id());
		}
		String secret = Secrets.generate();
		byte[] hash = Secrets.hash(secret);
		this.journal.append(new JournalEntry.AccessTokenIssued(token.id(), hash, Json.write(TokenJson.write(token))))
			.join();
		put(token, hash);
		return secret;
	}

	private void validate(AccessToken token) {
		if (token.scope().effective().isEmpty()) {
			throw ApiException.of(ErrorCode.INVALID,
					"Access token scope grants no permissions: set `ops` or `op_groups`");
		}
		if (token.autoPrefixStreams() && (token.scope().streams() == null || !token.scope().streams().prefix())) {
			throw ApiException.of(ErrorCode.INVALID, "`auto_prefix_streams` requires a `prefix` stream scope");
		}
		if (token.expired(this.clock.millis())) {
			throw ApiException.of(ErrorCode.INVALID, "`expires_at` must be in the future: " + token.expiresAt());
		}
	}

	/**
	 * Revokes a token.
	 * @param caller the token of the request
	 * @param id the id to revoke
	 * @throws ApiException {@code permission_denied} or {@code access_token_not_found}
	 */
	public synchronized void revoke(AccessToken caller, String id) {
		if (!caller.allowsTokenId(id)) {
			throw ApiException.of(ErrorCode.PERMISSION_DENIED,
					"Access token id `" + id + "` is outside the requesting token's scope");
		}
		if (!this.byId.containsKey(id)) {
			throw ApiException.of(ErrorCode.ACCESS_TOKEN_NOT_FOUND, "Access token not found: " + id);
		}
		this.journal.append(new JournalEntry.AccessTokenRevoked(id)).join();
		remove(id);
	}

	/**
	 * Lists the tokens a caller may manage.
	 * @param caller the token of the request
	 * @param prefix ids must start with this
	 * @param startAfter ids must sort after this
	 * @param limit most items
	 * @return the page
	 */
	public ListPage<AccessToken> list(AccessToken caller, String prefix, String startAfter, int limit) {
		List<AccessToken> items = new ArrayList<>();
		boolean hasMore = false;
		for (Issued issued : this.byId.tailMap(prefix, true).values()) {
			String id = issued.token().id();
			if (!id.startsWith(prefix)) {
				break;
			}
			if (id.compareTo(startAfter) <= 0 || !caller.allowsTokenId(id)) {
				continue;
			}
			if (items.size() == limit) {
				hasMore = true;
				break;
			}
			items.add(issued.token());
		}
		return new ListPage<>(items, hasMore);
	}

	/**
	 * Applies a journal entry read back at start; other entries are ignored.
	 * @param entry the entry
	 */
	public synchronized void replay(JournalEntry entry) {
		if (entry instanceof JournalEntry.AccessTokenIssued issued) {
			remove(issued.id());
			put(TokenJson.read(Json.parse(issued.infoJson())), issued.secretHash());
		}
		else if (entry instanceof JournalEntry.AccessTokenRevoked revoked) {
			remove(revoked.id());
		}
	}

	private void put(AccessToken token, byte[] hash) {
		ByteBuffer key = ByteBuffer.wrap(hash.clone());
		this.byId.put(token.id(), new Issued(token, key));
		this.byHash.put(key, token.id());
	}

	private void remove(String id) {
		Issued removed = this.byId.remove(id);
		if (removed != null) {
			this.byHash.remove(removed.hash());
		}
	}

	private record Issued(AccessToken token, ByteBuffer hash) {
	}

}
