package io.github.s2spring.embedded.auth;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import s2.v1.AppendInput;
import s2.v1.AppendRecord;

import io.github.s2spring.embedded.error.ApiException;
import io.github.s2spring.embedded.http.Authorizer;
import io.github.s2spring.embedded.http.Call;
import io.github.s2spring.embedded.http.Operation;
import io.github.s2spring.embedded.metrics.ServerMetrics;
import io.github.s2spring.protocol.error.ErrorCode;
import io.github.s2spring.protocol.limits.Command;
import io.github.s2spring.protocol.limits.CommandRecords;

/**
 * The server's authorizer. With authentication on, it finds the request's token
 * ({@code authn} if missing, unknown, revoked or expired), checks the operation and the
 * basin and stream the request names against the token's scope
 * ({@code permission_denied}), applies the token's automatic stream prefix to the path,
 * and attaches the token to the call as its grant. Without authentication every request
 * gets {@link io.github.s2spring.embedded.http.Grant#ALL}, as in s2-lite. Either way each
 * authorized operation is counted in the metrics.
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
		}
		this.metrics.operation(operation, basin);
	}

	/**
	 * The token of a request, for endpoints that check more than the route: the root
	 * token when authentication is off.
	 * @param call the request, already authorized
	 * @return the token
	 */
	public static AccessToken tokenOf(Call call) {
		return (call.grant() instanceof AccessToken token) ? token : AccessToken.root();
	}

	/**
	 * Checks the command records of an append: a fence needs the {@code fence} operation,
	 * a trim the {@code trim} operation.
	 * @param call the append request
	 * @param input the batch
	 * @throws ApiException {@code permission_denied} if the caller lacks one
	 */
	public static void checkCommands(Call call, AppendInput input) {
		for (AppendRecord record : input.getRecordsList()) {
			if (!CommandRecords.isCommand(record.getHeadersList())) {
				continue;
			}
			Optional<Command> command = CommandRecords.parse(record.getHeadersList(), record.getBody());
			Operation operation = (command.isPresent() && command.get() instanceof Command.Trim) ? Operation.TRIM
					: Operation.FENCE;
			if (!call.grant().allowsOperation(operation)) {
				throw denied("Operation `" + operation.scopeName() + "` is not permitted by the access token");
			}
		}
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
