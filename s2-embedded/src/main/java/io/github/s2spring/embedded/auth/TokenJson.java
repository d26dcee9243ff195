package io.github.s2spring.embedded.auth;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.github.s2spring.embedded.config.ConfigJson;
import io.github.s2spring.embedded.config.Json;
import io.github.s2spring.embedded.http.Operation;
import io.github.s2spring.protocol.limits.Names;
import io.github.s2spring.protocol.limits.ValidationException;

/**
 * The JSON form of an access token ({@code AccessTokenInfo}), read from issue requests
 * and from the journal, and written in listings. Malformed input is {@code bad_json}.
 */
public final class TokenJson {

	private static final String[] GROUPS = { "account", "basin", "stream" };

	private TokenJson() {
	}

	/**
	 * Reads a token description.
	 * @param body the JSON
	 * @return the token; its expiry is {@code null} when the JSON has none
	 * @throws io.github.s2spring.embedded.error.ApiException {@code bad_json}
	 */
	public static AccessToken read(JsonNode body) {
		if (!body.isObject()) {
			throw ConfigJson.badJson("expected a JSON object, got " + body.getNodeType());
		}
		JsonNode id = body.get("id");
		if (id == null || !id.isString()) {
			throw ConfigJson.badJson("missing or non-string field `id`");
		}
		String tokenId = validated(id.stringValue(), Names::requireAccessTokenId);
		Instant expiresAt = null;
		JsonNode expires = body.get("expires_at");
		if (expires != null && !expires.isNull()) {
			if (!expires.isString()) {
				throw ConfigJson.badJson("`expires_at` must be an RFC 3339 string");
			}
			try {
				expiresAt = OffsetDateTime.parse(expires.stringValue()).toInstant();
			}
			catch (DateTimeParseException ex) {
				throw ConfigJson.badJson("`expires_at` is not an RFC 3339 time: " + expires.stringValue());
			}
		}
		boolean autoPrefix = bool(body.get("auto_prefix_streams"), "auto_prefix_streams");
		JsonNode scope = body.get("scope");
		return new AccessToken(tokenId, expiresAt, autoPrefix, readScope(scope));
	}

	private static TokenScope readScope(@Nullable JsonNode scope) {
		if (scope == null || scope.isNull()) {
			return new TokenScope(null, null, null, Set.of(), Set.of());
		}
		requireObject(scope, "scope");
		ResourceSet basins = readSet(scope.get("basins"), "basins", Names::requireBasinName, Names::requireBasinPrefix);
		ResourceSet streams = readSet(scope.get("streams"), "streams", Names::requireStreamName,
				Names::requireStreamPrefix);
		ResourceSet tokens = readSet(scope.get("access_tokens"), "access_tokens", Names::requireAccessTokenId,
				UnaryOperator.identity());
		Set<String> groups = new LinkedHashSet<>();
		JsonNode opGroups = scope.get("op_groups");
		if (opGroups != null && !opGroups.isNull()) {
			requireObject(opGroups, "op_groups");
			for (String group : GROUPS) {
				JsonNode permissions = opGroups.get(group);
				if (permissions == null || permissions.isNull()) {
					continue;
				}
				requireObject(permissions, "op_groups." + group);
				if (bool(permissions.get("read"), group + ".read")) {
					groups.add(group + "/read");
				}
				if (bool(permissions.get("write"), group + ".write")) {
					groups.add(group + "/write");
				}
			}
		}
		Set<Operation> ops = EnumSet.noneOf(Operation.class);
		JsonNode opList = scope.get("ops");
		if (opList != null && !opList.isNull()) {
			if (!opList.isArray()) {
				throw ConfigJson.badJson("`ops` must be an array of operation names");
			}
			for (JsonNode op : opList) {
				ops.add(operation(op));
			}
		}
		return new TokenScope(basins, streams, tokens, groups, ops);
	}

	private static Operation operation(JsonNode node) {
		if (node.isString()) {
			for (Operation operation : Operation.values()) {
				if (operation.scopeName().equals(node.stringValue())) {
					return operation;
				}
			}
		}
		throw ConfigJson.badJson("unknown operation " + node);
	}

	private static @Nullable ResourceSet readSet(@Nullable JsonNode node, String field, UnaryOperator<String> exactRule,
			UnaryOperator<String> prefixRule) {
		if (node == null || node.isNull()) {
			return null;
		}
		requireObject(node, field);
		JsonNode exact = node.get("exact");
		JsonNode prefix = node.get("prefix");
		boolean hasExact = exact != null && !exact.isNull();
		boolean hasPrefix = prefix != null && !prefix.isNull();
		if (hasExact == hasPrefix) {
			throw ConfigJson.badJson("`" + field + "` must have exactly one of `exact` and `prefix`");
		}
		JsonNode value = hasExact ? exact : prefix;
		if (!value.isString()) {
			throw ConfigJson.badJson("`" + field + "` value must be a string");
		}
		String text = value.stringValue();
		if (!text.isEmpty()) {
			validated(text, hasExact ? exactRule : prefixRule);
		}
		return new ResourceSet(hasPrefix, text);
	}

	private static String validated(String value, UnaryOperator<String> rule) {
		try {
			return rule.apply(value);
		}
		catch (ValidationException ex) {
			throw ConfigJson.badJson(ex.getMessage());
		}
	}

	private static void requireObject(JsonNode node, String field) {
		if (!node.isObject()) {
			throw ConfigJson.badJson("`" + field + "` must be an object");
		}
	}

	private static boolean bool(@Nullable JsonNode node, String field) {
		if (node == null || node.isNull()) {
			return false;
		}
		if (!node.isBoolean()) {
			throw ConfigJson.badJson("`" + field + "` must be a boolean");
		}
		return node.booleanValue();
	}

	/**
	 * Writes a token description (never its secret).
	 * @param token the token
	 * @return the JSON
	 */
	public static ObjectNode write(AccessToken token) {
		ObjectNode json = Json.object();
		json.put("id", token.id());
		Instant expiresAt = token.expiresAt();
		json.put("expires_at", (expiresAt != null) ? expiresAt.toString() : null);
		json.put("auto_prefix_streams", token.autoPrefixStreams());
		ObjectNode scope = json.putObject("scope");
		TokenScope tokenScope = token.scope();
		writeSet(scope, "basins", tokenScope.basins());
		writeSet(scope, "streams", tokenScope.streams());
		writeSet(scope, "access_tokens", tokenScope.accessTokens());
		ObjectNode groups = scope.putObject("op_groups");
		for (String group : GROUPS) {
			ObjectNode permissions = groups.putObject(group);
			permissions.put("read", tokenScope.groups().contains(group + "/read"));
			permissions.put("write", tokenScope.groups().contains(group + "/write"));
		}
		ArrayNode ops = scope.putArray("ops");
		tokenScope.ops().forEach((operation) -> ops.add(operation.scopeName()));
		return json;
	}

	private static void writeSet(ObjectNode scope, String field, @Nullable ResourceSet set) {
		if (set == null) {
			scope.putNull(field);
		}
		else {
			scope.putObject(field).put(set.prefix() ? "prefix" : "exact", set.value());
		}
	}

}
