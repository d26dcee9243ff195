package io.github.s2spring.embedded.config;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import io.github.s2spring.embedded.error.ApiException;
import io.github.s2spring.protocol.error.ErrorCode;

/**
 * Reads and writes basin and stream configurations in S2's JSON, including
 * reconfigurations where an absent field means "unchanged" and {@code null} means "reset
 * to the default".
 */
public final class ConfigJson {

	private static final Set<String> STORAGE_CLASSES = Set.of("standard", "express");

	private static final Set<String> TIMESTAMPING_MODES = Set.of("client-prefer", "client-require", "arrival");

	private static final Set<String> CIPHERS = Set.of("aegis-256", "aes-256-gcm");

	private ConfigJson() {
	}

	/**
	 * Reads a stream configuration; {@code null} or JSON null gives the empty
	 * specification.
	 * @param json the JSON object
	 * @return the specification
	 * @throws ApiException {@code bad_json} for wrong shapes, {@code invalid} for broken
	 * rules
	 */
	public static StreamSpec readStream(@Nullable JsonNode json) {
		return isAbsent(json) ? StreamSpec.EMPTY : reconfigureStream(StreamSpec.EMPTY, json);
	}

	/**
	 * Applies a stream reconfiguration.
	 * @param current the current specification
	 * @param patch the reconfiguration object
	 * @return the new specification
	 */
	public static StreamSpec reconfigureStream(StreamSpec current, JsonNode patch) {
		requireObject(patch, "stream config");
		String storageClass = current.storageClass();
		Long retention = current.retentionAgeSecs();
		String mode = current.timestampingMode();
		Boolean uncapped = current.uncapped();
		Long minAge = current.deleteOnEmptyMinAgeSecs();
		if (patch.has("storage_class")) {
			storageClass = enumValue(patch.get("storage_class"), "storage_class", STORAGE_CLASSES);
		}
		if (patch.has("retention_policy")) {
			retention = retention(patch.get("retention_policy"));
		}
		if (patch.has("timestamping")) {
			JsonNode ts = patch.get("timestamping");
			if (ts.isNull()) {
				mode = null;
				uncapped = null;
			}
			else {
				requireObject(ts, "timestamping");
				if (ts.has("mode")) {
					mode = enumValue(ts.get("mode"), "timestamping.mode", TIMESTAMPING_MODES);
				}
				if (ts.has("uncapped")) {
					uncapped = bool(ts.get("uncapped"), "timestamping.uncapped");
				}
			}
		}
		if (patch.has("delete_on_empty")) {
			JsonNode doe = patch.get("delete_on_empty");
			if (doe.isNull()) {
				minAge = null;
			}
			else {
				requireObject(doe, "delete_on_empty");
				if (doe.has("min_age_secs")) {
					minAge = unsigned(doe.get("min_age_secs"), "delete_on_empty.min_age_secs");
				}
			}
		}
		return new StreamSpec(storageClass, retention, mode, uncapped, minAge);
	}

	/**
	 * Reads a basin configuration; {@code null} or JSON null gives the default.
	 * @param json the JSON object
	 * @return the configuration
	 */
	public static BasinSpec readBasin(@Nullable JsonNode json) {
		return isAbsent(json) ? BasinSpec.DEFAULT : reconfigureBasin(BasinSpec.DEFAULT, json);
	}

	private static boolean isAbsent(@Nullable JsonNode json) {
		return json == null || json.isNull() || json.isMissingNode();
	}

	/**
	 * Applies a basin reconfiguration.
	 * @param current the current configuration
	 * @param patch the reconfiguration object
	 * @return the new configuration
	 */
	public static BasinSpec reconfigureBasin(BasinSpec current, JsonNode patch) {
		requireObject(patch, "basin config");
		StreamSpec defaults = current.defaultStreamConfig();
		String cipher = current.streamCipher();
		boolean onAppend = current.createStreamOnAppend();
		boolean onRead = current.createStreamOnRead();
		if (patch.has("default_stream_config")) {
			JsonNode node = patch.get("default_stream_config");
			defaults = node.isNull() ? StreamSpec.EMPTY : reconfigureStream(defaults, node);
		}
		if (patch.has("stream_cipher")) {
			cipher = enumValue(patch.get("stream_cipher"), "stream_cipher", CIPHERS);
		}
		if (patch.has("create_stream_on_append")) {
			Boolean value = bool(patch.get("create_stream_on_append"), "create_stream_on_append");
			onAppend = value != null && value;
		}
		if (patch.has("create_stream_on_read")) {
			Boolean value = bool(patch.get("create_stream_on_read"), "create_stream_on_read");
			onRead = value != null && value;
		}
		return new BasinSpec(defaults, cipher, onAppend, onRead);
	}

	/**
	 * Writes a stream configuration; unset fields become {@code null}.
	 * @param spec the specification
	 * @return the JSON object
	 */
	public static ObjectNode writeStream(StreamSpec spec) {
		ObjectNode json = Json.object();
		json.put("storage_class", spec.storageClass());
		if (spec.retentionAgeSecs() == null) {
			json.putNull("retention_policy");
		}
		else if (spec.retentionAgeSecs() == StreamSpec.INFINITE_RETENTION) {
			json.putObject("retention_policy").putObject("infinite");
		}
		else {
			json.putObject("retention_policy").put("age", spec.retentionAgeSecs());
		}
		if (spec.timestampingMode() == null && spec.uncapped() == null) {
			json.putNull("timestamping");
		}
		else {
			ObjectNode ts = json.putObject("timestamping");
			ts.put("mode", spec.timestampingMode());
			ts.put("uncapped", spec.uncapped());
		}
		if (spec.deleteOnEmptyMinAgeSecs() == null) {
			json.putNull("delete_on_empty");
		}
		else {
			json.putObject("delete_on_empty").put("min_age_secs", spec.deleteOnEmptyMinAgeSecs());
		}
		return json;
	}

	/**
	 * Writes a basin configuration.
	 * @param spec the configuration
	 * @return the JSON object
	 */
	public static ObjectNode writeBasin(BasinSpec spec) {
		ObjectNode json = Json.object();
		json.set("default_stream_config", writeStream(spec.defaultStreamConfig()));
		json.put("stream_cipher", spec.streamCipher());
		json.put("create_stream_on_append", spec.createStreamOnAppend());
		json.put("create_stream_on_read", spec.createStreamOnRead());
		return json;
	}

	private static @Nullable Long retention(JsonNode node) {
		if (node.isNull()) {
			return null;
		}
		requireObject(node, "retention_policy");
		if (node.has("infinite")) {
			return StreamSpec.INFINITE_RETENTION;
		}
		if (!node.has("age")) {
			throw badJson("retention_policy must be {\"age\":<seconds>} or {\"infinite\":{}}");
		}
		Long age = unsigned(node.get("age"), "retention_policy.age");
		if (age == null || age == 0) {
			throw ApiException.of(ErrorCode.INVALID, "age must be greater than 0 seconds");
		}
		return age;
	}

	private static @Nullable String enumValue(JsonNode node, String field, Set<String> allowed) {
		if (node.isNull()) {
			return null;
		}
		if (!node.isString() || !allowed.contains(node.stringValue())) {
			throw badJson(field + ": unknown variant " + node + ", expected one of " + allowed);
		}
		return node.stringValue();
	}

	private static @Nullable Boolean bool(JsonNode node, String field) {
		if (node.isNull()) {
			return null;
		}
		if (!node.isBoolean()) {
			throw badJson(field + ": invalid type " + node.getNodeType() + ", expected a boolean");
		}
		return node.booleanValue();
	}

	private static @Nullable Long unsigned(JsonNode node, String field) {
		if (node.isNull()) {
			return null;
		}
		if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 0) {
			throw badJson(field + ": invalid value " + node + ", expected an unsigned integer");
		}
		return node.longValue();
	}

	private static void requireObject(JsonNode node, String what) {
		if (!node.isObject()) {
			throw badJson(what + ": invalid type " + node.getNodeType() + ", expected an object");
		}
	}

	/**
	 * A {@code bad_json} error.
	 * @param message what is wrong
	 * @return the exception
	 */
	public static ApiException badJson(String message) {
		return ApiException.of(ErrorCode.BAD_JSON, "Invalid JSON body: " + message);
	}

}
