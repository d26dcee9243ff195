package io.github.s2spring.client.internal.control;

import java.time.Duration;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import io.github.s2spring.client.control.model.BasinConfig;
import io.github.s2spring.client.control.model.BasinReconfiguration;
import io.github.s2spring.client.control.model.DeleteOnEmptyConfig;
import io.github.s2spring.client.control.model.DeleteOnEmptyReconfiguration;
import io.github.s2spring.client.control.model.Patch;
import io.github.s2spring.client.control.model.RetentionPolicy;
import io.github.s2spring.client.control.model.StorageClass;
import io.github.s2spring.client.control.model.StreamCipher;
import io.github.s2spring.client.control.model.StreamConfig;
import io.github.s2spring.client.control.model.StreamReconfiguration;
import io.github.s2spring.client.control.model.TimestampingConfig;
import io.github.s2spring.client.control.model.TimestampingMode;
import io.github.s2spring.client.control.model.TimestampingReconfiguration;
import io.github.s2spring.client.control.model.WireValue;

/**
 * The JSON of stream and basin configurations and of their reconfigurations.
 */
final class ConfigJson {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private ConfigJson() {
	}

	static ObjectNode streamConfig(StreamConfig config) {
		ObjectNode json = Json.object();
		if (config.storageClass() != null) {
			json.put("storage_class", config.storageClass().wireValue());
		}
		if (config.retentionPolicy() != null) {
			json.set("retention_policy", retentionPolicy(config.retentionPolicy()));
		}
		if (config.timestamping() != null) {
			json.set("timestamping", timestamping(config.timestamping()));
		}
		if (config.deleteOnEmpty() != null) {
			json.set("delete_on_empty", deleteOnEmpty(config.deleteOnEmpty().minAge()));
		}
		return json;
	}

	static ObjectNode basinConfig(BasinConfig config) {
		ObjectNode json = Json.object();
		if (config.defaultStreamConfig() != null) {
			json.set("default_stream_config", streamConfig(config.defaultStreamConfig()));
		}
		if (config.streamCipher() != null) {
			json.put("stream_cipher", config.streamCipher().wireValue());
		}
		json.put("create_stream_on_append", config.createStreamOnAppend());
		json.put("create_stream_on_read", config.createStreamOnRead());
		return json;
	}

	static ObjectNode streamReconfiguration(StreamReconfiguration change) {
		ObjectNode json = Json.object();
		patch(json, "storage_class", change.storageClass(), ConfigJson::wire);
		patch(json, "retention_policy", change.retentionPolicy(), ConfigJson::retentionPolicy);
		patch(json, "timestamping", change.timestamping(), ConfigJson::timestampingReconfiguration);
		patch(json, "delete_on_empty", change.deleteOnEmpty(), ConfigJson::deleteOnEmptyReconfiguration);
		return json;
	}

	static ObjectNode basinReconfiguration(BasinReconfiguration change) {
		ObjectNode json = Json.object();
		patch(json, "default_stream_config", change.defaultStreamConfig(), ConfigJson::streamReconfiguration);
		patch(json, "stream_cipher", change.streamCipher(), ConfigJson::wire);
		patch(json, "create_stream_on_append", change.createStreamOnAppend(), BooleanNode::valueOf);
		patch(json, "create_stream_on_read", change.createStreamOnRead(), BooleanNode::valueOf);
		return json;
	}

	static StreamConfig readStreamConfig(JsonNode node) {
		JsonNode json = Json.requireObject(node, "stream config");
		JsonNode retention = Json.field(json, "retention_policy");
		JsonNode timestamping = Json.field(json, "timestamping");
		JsonNode deleteOnEmpty = Json.field(json, "delete_on_empty");
		return new StreamConfig(Json.optionalEnum(StorageClass.class, json, "storage_class"),
				(retention != null) ? readRetentionPolicy(retention) : null,
				(timestamping != null) ? readTimestamping(timestamping) : null,
				(deleteOnEmpty != null) ? readDeleteOnEmpty(deleteOnEmpty) : null);
	}

	static BasinConfig readBasinConfig(JsonNode node) {
		JsonNode json = Json.requireObject(node, "basin config");
		JsonNode defaults = Json.field(json, "default_stream_config");
		return new BasinConfig((defaults != null) ? readStreamConfig(defaults) : null,
				Json.optionalEnum(StreamCipher.class, json, "stream_cipher"),
				Json.optionalBoolean(json, "create_stream_on_append"),
				Json.optionalBoolean(json, "create_stream_on_read"));
	}

	private static <T> void patch(ObjectNode json, String name, Patch<T> patch,
			Function<? super T, ? extends JsonNode> writer) {
		if (patch instanceof Patch.Set<T> set) {
			json.set(name, writer.apply(set.value()));
		}
		else if (!patch.isUnchanged()) {
			json.putNull(name);
		}
	}

	private static JsonNode wire(WireValue value) {
		return NODES.stringNode(value.wireValue());
	}

	private static JsonNode retentionPolicy(RetentionPolicy policy) {
		ObjectNode json = Json.object();
		if (policy instanceof RetentionPolicy.Age age) {
			json.put("age", age.age().getSeconds());
		}
		else {
			json.putObject("infinite");
		}
		return json;
	}

	private static JsonNode timestamping(TimestampingConfig config) {
		ObjectNode json = Json.object();
		if (config.mode() != null) {
			json.put("mode", config.mode().wireValue());
		}
		if (config.uncapped() != null) {
			json.put("uncapped", config.uncapped());
		}
		return json;
	}

	private static JsonNode timestampingReconfiguration(TimestampingReconfiguration change) {
		ObjectNode json = Json.object();
		patch(json, "mode", change.mode(), ConfigJson::wire);
		patch(json, "uncapped", change.uncapped(), BooleanNode::valueOf);
		return json;
	}

	private static ObjectNode deleteOnEmpty(Duration minAge) {
		ObjectNode json = Json.object();
		json.put("min_age_secs", minAge.getSeconds());
		return json;
	}

	private static JsonNode deleteOnEmptyReconfiguration(DeleteOnEmptyReconfiguration change) {
		ObjectNode json = Json.object();
		patch(json, "min_age_secs", change.minAge(), (minAge) -> NODES.numberNode(minAge.getSeconds()));
		return json;
	}

	private static RetentionPolicy readRetentionPolicy(JsonNode node) {
		JsonNode json = Json.requireObject(node, "retention policy");
		if (Json.field(json, "age") != null) {
			return RetentionPolicy.age(Duration.ofSeconds(Json.requiredLong(json, "age")));
		}
		if (json.has("infinite")) {
			return RetentionPolicy.infinite();
		}
		throw new Json.MalformedJsonException("retention policy " + json + " is neither age nor infinite");
	}

	private static TimestampingConfig readTimestamping(JsonNode node) {
		JsonNode json = Json.requireObject(node, "timestamping");
		return new TimestampingConfig(Json.optionalEnum(TimestampingMode.class, json, "mode"),
				Json.nullableBoolean(json, "uncapped"));
	}

	private static @Nullable DeleteOnEmptyConfig readDeleteOnEmpty(JsonNode node) {
		JsonNode json = Json.requireObject(node, "delete on empty");
		if (Json.field(json, "min_age_secs") == null) {
			return null;
		}
		return new DeleteOnEmptyConfig(Duration.ofSeconds(Json.requiredLong(json, "min_age_secs")));
	}

}
