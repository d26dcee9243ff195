package io.github.s2spring.embedded.auth;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.embedded.error.ApiException;
import io.github.s2spring.embedded.http.Authorizer;
import io.github.s2spring.embedded.http.Call;
import io.github.s2spring.embedded.http.Operation;
import io.github.s2spring.embedded.metrics.ServerMetrics;
import io.github.s2spring.protocol.error.ErrorCode;

/**
 * The server's authorizer. With authentication on, it finds the request's token
 * ({@code authn} if missing, unknown, revoked or expired), checks the operation and the
 * basin and stream the request names against the token's scope
 * ({@code permission_denied}), applies the token's automatic stream prefix to the path,
 * and attaches the token to the call as its grant. Without authentication every request
 * gets the root token's grant, as in s2-lite. Either way each authorized request is
 * counted once in the metrics; further operations the endpoint asks about for the same
 * call (the fence and trim of command records) are checked against the attached token.
 */
public final class AccessControl implements Authorizer {

	private final TokenStore tokens;

	private final boolean auth;

	private final ServerMetrics metrics;

	/**
	 * Creates the authorizer.
	 * @param tokens the issued tokens and the root token
	 * @param auth whether requests must carry a token
	 * @param metrics where operations are counted
	 */
	public AccessControl(TokenStore tokens, boolean auth, ServerMetrics metrics) {
		this.tokens = tokens;
		this.auth = auth;
		this.metrics = metrics;
	}

	@Override
	public void authorize(Call call, Operation operation) {
		if (call.grant() instanceof AccessToken token) {
			// Already authorized; the endpoint asks about a further operation (fence,
			// trim).
			if (!token.allowsOperation(operation)) {
				throw denied("Operation `" + operation.scopeName() + "` is not permitted by the access token");
			}
			return;
		}
		String basin;
		if (this.auth) {
			AccessToken token = this.tokens.authenticate(call.bearerToken());
			if (!token.allowsOperation(operation)) {
				throw denied("Operation `" + operation.scopeName() + "` is not permitted by the access token");
			}
			if (call.hasParam("stream") && !token.streamPrefix().isEmpty()) {
				call.param("stream", token.streamPrefix() + call.param("stream"));
			}
			basin = basinOf(call, operation);
			if (basin != null && !token.allowsBasin(basin)) {
				throw denied("Basin `" + basin + "` is outside the access token's scope");
			}
			if (call.hasParam("stream") && !token.allowsStream(call.param("stream"))) {
				throw denied("Stream `" + call.param("stream") + "` is outside the access token's scope");
			}
			call.grant(token);
		}
		else {
			basin = basinOf(call, operation);
			call.grant(AccessToken.root());
		}
		this.metrics.operation(operation, basin);
	}

	/**
	 * The token of a request, for endpoints that check more than the route: the root
	 * token when authentication is off or the request was not authorized by this class.
	 * @param call the request, already authorized
	 * @return the token
	 */
	public static AccessToken tokenOf(Call call) {
		return (call.grant() instanceof AccessToken token) ? token : AccessToken.root();
	}

	/**
	 * The error for an out-of-scope request.
	 * @param message what was refused
	 * @return the error
	 */
	static ApiException denied(String message) {
		return ApiException.of(ErrorCode.PERMISSION_DENIED, message);
	}

	private static @Nullable String basinOf(Call call, Operation operation) {
		if (call.hasParam("basin")) {
			return call.param("basin");
		}
		if (OperationGroups.basinScoped(operation)) {
			try {
				return call.basin();
			}
			catch (ApiException ex) {
				return null;
			}
		}
		return null;
	}

}
