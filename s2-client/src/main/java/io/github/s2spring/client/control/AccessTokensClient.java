package io.github.s2spring.client.control;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.s2spring.client.control.model.AccessTokenInfo;
import io.github.s2spring.client.control.model.IssuedAccessToken;
import io.github.s2spring.client.control.model.ListRequest;
import io.github.s2spring.client.control.model.Page;
import io.github.s2spring.client.error.S2Exception;

/**
 * The access tokens of an account: list, issue, revoke. Every operation exists blocking
 * and as {@code ...Async}; failures are {@link S2Exception}s.
 */
public interface AccessTokensClient {

	/**
	 * Every access token matching a request, fetched lazily page by page.
	 * @param request the id prefix, the id to start after and the page size
	 * @return the tokens, sorted by id (without their secrets)
	 */
	Iterable<AccessTokenInfo> list(ListRequest request);

	/**
	 * Every access token matching a request, all pages collected.
	 * @param request the id prefix, the id to start after and the page size
	 * @return the tokens, sorted by id
	 */
	CompletableFuture<List<AccessTokenInfo>> listAllAsync(ListRequest request);

	/**
	 * One page of access tokens.
	 * @param request the id prefix, the id to start after and the page size
	 * @return the page
	 */
	Page<AccessTokenInfo> listPage(ListRequest request);

	/**
	 * One page of access tokens, asynchronously.
	 * @param request the id prefix, the id to start after and the page size
	 * @return the page
	 */
	CompletableFuture<Page<AccessTokenInfo>> listPageAsync(ListRequest request);

	/**
	 * Issues an access token.
	 * @param info the id, expiry and scope of the token
	 * @return the secret token
	 */
	IssuedAccessToken issue(AccessTokenInfo info);

	/**
	 * Issues an access token, asynchronously.
	 * @param info the id, expiry and scope of the token
	 * @return the secret token
	 */
	CompletableFuture<IssuedAccessToken> issueAsync(AccessTokenInfo info);

	/**
	 * Revokes an access token.
	 * @param id the token id
	 */
	void revoke(String id);

	/**
	 * Revokes an access token, asynchronously.
	 * @param id the token id
	 * @return completes when the token is revoked
	 */
	CompletableFuture<Void> revokeAsync(String id);

}
