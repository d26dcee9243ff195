package io.github.s2spring.client.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.springframework.http.HttpMethod;

import io.github.s2spring.client.S2Exception;
import io.github.s2spring.client.control.model.AccessTokenInfo;
import io.github.s2spring.client.control.model.IssuedAccessToken;
import io.github.s2spring.client.control.model.ListRequest;
import io.github.s2spring.client.control.model.Page;
import io.github.s2spring.protocol.limits.Names;

/**
 * The access tokens of an account: list, issue, revoke. Every operation exists blocking
 * and as {@code ...Async}; failures are {@link S2Exception}s.
 */
public final class AccessTokensClient {

	private final ControlTransport transport;

	AccessTokensClient(ControlTransport transport) {
		this.transport = transport;
	}

	/**
	 * Every access token matching a request, fetched lazily page by page.
	 * @param request the id prefix, the id to start after and the page size
	 * @return the tokens, sorted by id (without their secrets)
	 */
	public Iterable<AccessTokenInfo> list(ListRequest request) {
		return new PagedIterable<>(request, this::listPage, AccessTokenInfo::id);
	}

	/**
	 * Every access token matching a request, all pages collected.
	 * @param request the id prefix, the id to start after and the page size
	 * @return the tokens, sorted by id
	 */
	public CompletableFuture<List<AccessTokenInfo>> listAllAsync(ListRequest request) {
		Iterable<AccessTokenInfo> all = list(request);
		return this.transport.supplyAsync(() -> {
			List<AccessTokenInfo> tokens = new ArrayList<>();
			all.forEach(tokens::add);
			return tokens;
		});
	}

	/**
	 * One page of access tokens.
	 * @param request the id prefix, the id to start after and the page size
	 * @return the page
	 */
	public Page<AccessTokenInfo> listPage(ListRequest request) {
		return listPageCall(request).run(this.transport);
	}

	/**
	 * One page of access tokens, asynchronously.
	 * @param request the id prefix, the id to start after and the page size
	 * @return the page
	 */
	public CompletableFuture<Page<AccessTokenInfo>> listPageAsync(ListRequest request) {
		return listPageCall(request).runAsync(this.transport);
	}

	/**
	 * Issues an access token.
	 * @param info the id, expiry and scope of the token
	 * @return the secret token
	 */
	public IssuedAccessToken issue(AccessTokenInfo info) {
		return issueCall(info).run(this.transport);
	}

	/**
	 * Issues an access token, asynchronously.
	 * @param info the id, expiry and scope of the token
	 * @return the secret token
	 */
	public CompletableFuture<IssuedAccessToken> issueAsync(AccessTokenInfo info) {
		return issueCall(info).runAsync(this.transport);
	}

	/**
	 * Revokes an access token.
	 * @param id the token id
	 */
	public void revoke(String id) {
		revokeCall(id).run(this.transport);
	}

	/**
	 * Revokes an access token, asynchronously.
	 * @param id the token id
	 * @return completes when the token is revoked
	 */
	public CompletableFuture<Void> revokeAsync(String id) {
		return revokeCall(id).runAsync(this.transport);
	}

	private Call<Page<AccessTokenInfo>> listPageCall(ListRequest request) {
		ControlRequest http = new ControlRequest("list access tokens", HttpMethod.GET,
				tokens().query("prefix", request.prefix())
					.query("start_after", request.startAfter())
					.query("limit", request.limit())
					.build(),
				Map.of(), null);
		return new Call<>(http, (response) -> ResourceJson.readPage(response.json(), "access_tokens",
				AccessTokenJson::readAccessTokenInfo));
	}

	private Call<IssuedAccessToken> issueCall(AccessTokenInfo info) {
		ControlRequest http = new ControlRequest("issue access token \"" + info.id() + "\"", HttpMethod.POST,
				tokens().build(), Map.of(), AccessTokenJson.accessTokenInfo(info));
		return new Call<>(http,
				(response) -> new IssuedAccessToken(Json.requiredText(response.json(), "access_token")));
	}

	private Call<Void> revokeCall(String id) {
		ControlRequest http = new ControlRequest("revoke access token \"" + id + "\"", HttpMethod.DELETE,
				tokens().segment(Names.requireAccessTokenId(id)).build(), Map.of(), null);
		return new Call<>(http, (response) -> null);
	}

	private Uris tokens() {
		return Uris.on(this.transport.config().endpoints().account()).path("access-tokens");
	}

}
