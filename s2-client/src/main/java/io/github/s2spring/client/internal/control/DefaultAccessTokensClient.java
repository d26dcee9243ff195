package io.github.s2spring.client.internal.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.springframework.http.HttpMethod;

import io.github.s2spring.client.control.AccessTokensClient;
import io.github.s2spring.client.control.model.AccessTokenInfo;
import io.github.s2spring.client.control.model.IssuedAccessToken;
import io.github.s2spring.client.control.model.ListRequest;
import io.github.s2spring.client.control.model.Page;
import io.github.s2spring.client.error.ValidationException;
import io.github.s2spring.protocol.limits.Names;

/**
 * The {@link AccessTokensClient} of a client, over its {@link ControlTransport}.
 */
final class DefaultAccessTokensClient implements AccessTokensClient {

	private final ControlTransport transport;

	DefaultAccessTokensClient(ControlTransport transport) {
		this.transport = transport;
	}

	@Override
	public Iterable<AccessTokenInfo> list(ListRequest request) {
		return new PagedIterable<>(request, this::listPage, AccessTokenInfo::id);
	}

	@Override
	public CompletableFuture<List<AccessTokenInfo>> listAllAsync(ListRequest request) {
		Iterable<AccessTokenInfo> all = list(request);
		return this.transport.supplyAsync(() -> {
			List<AccessTokenInfo> tokens = new ArrayList<>();
			all.forEach(tokens::add);
			return tokens;
		});
	}

	@Override
	public Page<AccessTokenInfo> listPage(ListRequest request) {
		return listPageCall(request).run(this.transport);
	}

	@Override
	public CompletableFuture<Page<AccessTokenInfo>> listPageAsync(ListRequest request) {
		return listPageCall(request).runAsync(this.transport);
	}

	@Override
	public IssuedAccessToken issue(AccessTokenInfo info) {
		return issueCall(info).run(this.transport);
	}

	@Override
	public CompletableFuture<IssuedAccessToken> issueAsync(AccessTokenInfo info) {
		return issueCall(info).runAsync(this.transport);
	}

	@Override
	public void revoke(String id) {
		revokeCall(id).run(this.transport);
	}

	@Override
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
				tokens().segment(ValidationException.check(() -> Names.requireAccessTokenId(id))).build(), Map.of(),
				null);
		return new Call<>(http, (response) -> null);
	}

	private Uris tokens() {
		return Uris.on(this.transport.config().endpoints().account()).path("access-tokens");
	}

}
