package io.github.s2spring.client.wire;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import io.github.s2spring.client.control.model.AccessTokenInfo;
import io.github.s2spring.client.control.model.AccessTokenScope;
import io.github.s2spring.client.control.model.BasinConfig;
import io.github.s2spring.client.control.model.DeleteOnEmptyConfig;
import io.github.s2spring.client.control.model.ListRequest;
import io.github.s2spring.client.control.model.MetricsQuery;
import io.github.s2spring.client.control.model.Operation;
import io.github.s2spring.client.control.model.OperationGroups;
import io.github.s2spring.client.control.model.ReadWritePermissions;
import io.github.s2spring.client.control.model.ResourceSet;
import io.github.s2spring.client.control.model.RetentionPolicy;
import io.github.s2spring.client.control.model.StorageClass;
import io.github.s2spring.client.control.model.StreamConfig;
import io.github.s2spring.client.control.model.TimeseriesInterval;
import io.github.s2spring.client.control.model.TimestampingConfig;
import io.github.s2spring.client.control.model.TimestampingMode;
import io.github.s2spring.client.control.model.WireValue;
import io.github.s2spring.client.data.AppendRecord;
import io.github.s2spring.client.data.Header;
import io.github.s2spring.client.data.ReadOptions;

/**
 * The inputs of {@code conformance/wire/operations.json} as the SDK's types: the JSON
 * uses the TypeScript SDK's field names ({@code createStreamOnAppend}, {@code ageSecs},
 * {@code opGroups}) and S2's wire spellings for values ({@code standard},
 * {@code client-prefer}, {@code list-basins}).
 */
final class WireInputs {

	private WireInputs() {
	}

	static BasinConfig basinConfig(JsonNode json) {
		BasinConfig.Builder config = BasinConfig.builder();
		if (json.has("createStreamOnAppend")) {
			config.createStreamOnAppend(json.path("createStreamOnAppend").asBoolean());
		}
		if (json.has("createStreamOnRead")) {
			config.createStreamOnRead(json.path("createStreamOnRead").asBoolean());
		}
		if (json.has("defaultStreamConfig")) {
			config.defaultStreamConfig(streamConfig(json.path("defaultStreamConfig")));
		}
		return config.build();
	}

	static StreamConfig streamConfig(JsonNode json) {
		StreamConfig.Builder config = StreamConfig.builder();
		if (json.has("storageClass")) {
			config.storageClass(wire(StorageClass.values(), json.path("storageClass").asString()));
		}
		JsonNode retention = json.path("retentionPolicy");
		if (retention.has("ageSecs")) {
			config.retentionPolicy(RetentionPolicy.age(Duration.ofSeconds(retention.path("ageSecs").asLong())));
		}
		else if (retention.has("infinite")) {
			config.retentionPolicy(RetentionPolicy.infinite());
		}
		if (json.has("timestamping")) {
			JsonNode timestamping = json.path("timestamping");
			config.timestamping(new TimestampingConfig(mode(timestamping.path("mode")),
					timestamping.has("uncapped") ? timestamping.path("uncapped").asBoolean() : null));
		}
		if (json.has("deleteOnEmpty")) {
			config.deleteOnEmpty(new DeleteOnEmptyConfig(
					Duration.ofSeconds(json.path("deleteOnEmpty").path("minAgeSecs").asLong())));
		}
		return config.build();
	}

	static @Nullable TimestampingMode mode(JsonNode mode) {
		return mode.isString() ? wire(TimestampingMode.values(), mode.asString()) : null;
	}

	static AccessTokenInfo accessToken(JsonNode op) {
		JsonNode scope = op.path("scope");
		AccessTokenScope.Builder builder = AccessTokenScope.builder()
			.basins(resourceSet(scope.path("basins")))
			.streams(resourceSet(scope.path("streams")));
		JsonNode groups = scope.path("opGroups");
		if (groups.isObject()) {
			builder.opGroups(new OperationGroups(permissions(groups.path("account")), permissions(groups.path("basin")),
					permissions(groups.path("stream"))));
		}
		List<Operation> ops = new ArrayList<>();
		scope.path("ops").forEach((op2) -> ops.add(wire(Operation.values(), op2.asString())));
		builder.ops(ops.toArray(Operation[]::new));
		return AccessTokenInfo.of(op.path("id").asString(), builder.build())
			.withExpiresAt(Instant.parse(op.path("expiresAt").asString()));
	}

	static ListRequest list(JsonNode op) {
		ListRequest request = ListRequest.withPrefix(op.path("prefix").asString(""));
		return op.has("limit") ? request.limit(op.path("limit").asInt()) : request;
	}

	static MetricsQuery metrics(JsonNode op) {
		return MetricsQuery
			.between(Instant.ofEpochSecond(op.path("start").asLong()), Instant.ofEpochSecond(op.path("end").asLong()))
			.withInterval(TimeseriesInterval.valueOf(op.path("interval").asString().toUpperCase(Locale.ROOT)));
	}

	static ReadOptions readOptions(JsonNode op) {
		return ReadOptions.fromSeqNum(op.path("seqNum").asLong()).withCount(op.path("count").asLong());
	}

	static List<AppendRecord> strings(JsonNode records) {
		List<AppendRecord> out = new ArrayList<>();
		for (JsonNode record : records) {
			AppendRecord converted = AppendRecord.of(record.path("body").asString());
			for (JsonNode header : record.path("headers")) {
				converted = converted.withHeader(header.get(0).asString(), header.get(1).asString());
			}
			out.add(converted);
		}
		return out;
	}

	static List<AppendRecord> bytes(JsonNode records) {
		List<AppendRecord> out = new ArrayList<>();
		for (JsonNode record : records) {
			List<Header> headers = new ArrayList<>();
			for (JsonNode header : record.path("headers")) {
				headers.add(Header.of(decode(header.get(0)), decode(header.get(1))));
			}
			out.add(new AppendRecord(headers, ByteBuffer.wrap(decode(record.path("body"))), null));
		}
		return out;
	}

	private static @Nullable ResourceSet resourceSet(JsonNode json) {
		if (json.has("prefix")) {
			return new ResourceSet.Prefix(json.path("prefix").asString());
		}
		return json.has("exact") ? new ResourceSet.Exact(json.path("exact").asString()) : null;
	}

	private static @Nullable ReadWritePermissions permissions(JsonNode json) {
		return json.isObject()
				? new ReadWritePermissions(json.path("read").asBoolean(false), json.path("write").asBoolean(false))
				: null;
	}

	private static <E extends WireValue> E wire(E[] values, String wireValue) {
		for (E value : values) {
			if (value.wireValue().equals(wireValue)) {
				return value;
			}
		}
		throw new IllegalArgumentException("Unknown value " + wireValue);
	}

	private static byte[] decode(JsonNode base64) {
		return Base64.getDecoder().decode(base64.asString());
	}

}
