package io.github.s2spring.embedded.api;

import io.netty.handler.codec.http.HttpMethod;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.github.s2spring.embedded.auth.AccessControl;
import io.github.s2spring.embedded.auth.AccessToken;
import io.github.s2spring.embedded.auth.TokenJson;
import io.github.s2spring.embedded.auth.TokenStore;
import io.github.s2spring.embedded.config.Json;
import io.github.s2spring.embedded.error.ApiException;
import io.github.s2spring.embedded.http.Call;
import io.github.s2spring.embedded.http.Operation;
import io.github.s2spring.embedded.http.Router;
import io.github.s2spring.embedded.store.ListPage;
import io.github.s2spring.protocol.error.ErrorCode;
import io.github.s2spring.protocol.limits.Names;
import io.github.s2spring.protocol.limits.ValidationException;

/**
 * The access token routes of the account endpoint: list, issue and revoke. A caller sees
 * and manages only the ids its token's {@code access_tokens} set matches.
 */
public final class AccessTokenEndpoints {

	private final TokenStore tokens;

	/**
	 * Creates the endpoints.
	 * @param tokens the token store
	 */
	public AccessTokenEndpoints(TokenStore tokens) {
		this.tokens = tokens;
	}

	/**
	 * Adds the routes.
	 * @param router the router
	 */
	public void register(Router router) {
		router.add(HttpMethod.GET, "/v1/access-tokens", Operation.LIST_ACCESS_TOKENS, this::list)
			.add(HttpMethod.POST, "/v1/access-tokens", Operation.ISSUE_ACCESS_TOKEN,
					(call) -> call.blocking(() -> issue(call)))
			.add(HttpMethod.DELETE, "/v1/access-tokens/{id}", Operation.REVOKE_ACCESS_TOKEN,
					(call) -> call.blocking(() -> revoke(call)));
	}

	private void list(Call call) {
		ListPage<AccessToken> page = this.tokens.list(AccessControl.tokenOf(call), call.query().string("prefix", ""),
				call.query().string("start_after", ""), Resources.limit(call));
		ObjectNode json = Json.object();
		ArrayNode items = json.putArray("access_tokens");
		page.items().forEach((token) -> items.add(TokenJson.write(token)));
		json.put("has_more", page.hasMore());
		call.respondJson(200, json);
	}

	private void issue(Call call) {
		AccessToken requested = TokenJson.read(Json.parse(call.body()));
		String secret = this.tokens.issue(AccessControl.tokenOf(call), requested);
		ObjectNode json = Json.object();
		json.put("access_token", secret);
		call.respondJson(201, json);
	}

	private void revoke(Call call) {
		String id;
		try {
			id = Names.requireAccessTokenId(call.param("id"));
		}
		catch (ValidationException ex) {
			throw ApiException.of(ErrorCode.BAD_PATH, ex.getMessage());
		}
		this.tokens.revoke(AccessControl.tokenOf(call), id);
		call.respond(204, null, new byte[0]);
	}

}
