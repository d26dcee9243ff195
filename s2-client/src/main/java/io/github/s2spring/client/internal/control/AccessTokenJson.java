package io.github.s2spring.client.internal.control;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.github.s2spring.client.control.model.AccessTokenInfo;
import io.github.s2spring.client.control.model.AccessTokenScope;
import io.github.s2spring.client.control.model.Operation;
import io.github.s2spring.client.control.model.OperationGroups;
import io.github.s2spring.client.control.model.ReadWritePermissions;
import io.github.s2spring.client.control.model.ResourceSet;

/**
 * The JSON of access tokens and their scopes.
 */
final class AccessTokenJson {

	private AccessTokenJson() {
	}

	static ObjectNode accessTokenInfo(AccessTokenInfo info) {
		ObjectNode json = Json.object();
		json.put("id", info.id());
		if (info.expiresAt() != null) {
			json.put("expires_at", Json.formatInstant(info.expiresAt()));
		}
		json.put("auto_prefix_streams", info.autoPrefixStreams());
		json.set("scope", scope(info.scope()));
		return json;
	}

	static AccessTokenInfo readAccessTokenInfo(JsonNode node) {
		JsonNode json = Json.requireObject(node, "access token info");
		JsonNode scope = Json.field(json, "scope");
		return new AccessTokenInfo(Json.requiredText(json, "id"), Json.optionalInstant(json, "expires_at"),
				Json.optionalBoolean(json, "auto_prefix_streams"),
				(scope != null) ? readScope(scope) : AccessTokenScope.builder().build());
	}

	private static ObjectNode scope(AccessTokenScope scope) {
		ObjectNode json = Json.object();
		resourceSet(json, "basins", scope.basins());
		resourceSet(json, "streams", scope.streams());
		resourceSet(json, "access_tokens", scope.accessTokens());
		if (scope.opGroups() != null) {
			ObjectNode groups = json.putObject("op_groups");
			permissions(groups, "account", scope.opGroups().account());
			permissions(groups, "basin", scope.opGroups().basin());
			permissions(groups, "stream", scope.opGroups().stream());
		}
		if (scope.ops() != null) {
			ArrayNode ops = json.putArray("ops");
			scope.ops().forEach((op) -> ops.add(op.wireValue()));
		}
		return json;
	}

	private static void resourceSet(ObjectNode json, String name, @Nullable ResourceSet set) {
		if (set instanceof ResourceSet.Exact exact) {
			json.putObject(name).put("exact", exact.name());
		}
		else if (set instanceof ResourceSet.Prefix prefix) {
			json.putObject(name).put("prefix", prefix.prefix());
		}
	}

	private static void permissions(ObjectNode json, String name, @Nullable ReadWritePermissions permissions) {
		if (permissions != null) {
			json.putObject(name).put("read", permissions.read()).put("write", permissions.write());
		}
	}

	private static AccessTokenScope readScope(JsonNode node) {
		JsonNode json = Json.requireObject(node, "access token scope");
		JsonNode groups = Json.field(json, "op_groups");
		JsonNode ops = Json.field(json, "ops");
		return new AccessTokenScope(readResourceSet(json, "basins"), readResourceSet(json, "streams"),
				readResourceSet(json, "access_tokens"),
				(groups != null) ? new OperationGroups(readPermissions(groups, "account"),
						readPermissions(groups, "basin"), readPermissions(groups, "stream")) : null,
				(ops != null) ? readOps(ops) : null);
	}

	private static @Nullable ResourceSet readResourceSet(JsonNode scope, String name) {
		JsonNode set = Json.field(scope, name);
		if (set == null) {
			return null;
		}
		Json.requireObject(set, "resource set \"" + name + "\"");
		String exact = Json.optionalText(set, "exact");
		if (exact != null) {
			return ResourceSet.exact(exact);
		}
		String prefix = Json.optionalText(set, "prefix");
		if (prefix != null) {
			return ResourceSet.prefix(prefix);
		}
		throw new Json.MalformedJsonException("resource set \"" + name + "\" is neither exact nor prefix");
	}

	private static @Nullable ReadWritePermissions readPermissions(JsonNode groups, String name) {
		JsonNode permissions = Json.field(groups, name);
		if (permissions == null) {
			return null;
		}
		Json.requireObject(permissions, "op group \"" + name + "\"");
		return new ReadWritePermissions(Json.optionalBoolean(permissions, "read"),
				Json.optionalBoolean(permissions, "write"));
	}

	/** Operations this client does not know (from a newer server) are skipped. */
	private static List<Operation> readOps(JsonNode ops) {
		List<Operation> known = new ArrayList<>();
		for (String text : Json.array(ops, "ops", (op) -> op.isString() ? op.asString() : "")) {
			for (Operation candidate : Operation.values()) {
				if (candidate.wireValue().equals(text)) {
					known.add(candidate);
				}
			}
		}
		return known;
	}

}
