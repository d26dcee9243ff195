package io.github.s2spring.client.wire;

import java.time.Duration;
import java.util.Iterator;

import tools.jackson.databind.JsonNode;

import io.github.s2spring.client.S2Client;
import io.github.s2spring.client.control.model.AccountMetricSet;
import io.github.s2spring.client.control.model.BasinMetricSet;
import io.github.s2spring.client.control.model.BasinReconfiguration;
import io.github.s2spring.client.control.model.CreateBasinRequest;
import io.github.s2spring.client.control.model.CreateStreamRequest;
import io.github.s2spring.client.control.model.DeleteOnEmptyReconfiguration;
import io.github.s2spring.client.control.model.Patch;
import io.github.s2spring.client.control.model.StreamMetricSet;
import io.github.s2spring.client.control.model.StreamReconfiguration;
import io.github.s2spring.client.control.model.TimestampingReconfiguration;
import io.github.s2spring.client.data.AppendBatch;
import io.github.s2spring.client.data.AppendSession;
import io.github.s2spring.client.data.ReadSession;
import io.github.s2spring.client.data.S2Stream;
import io.github.s2spring.client.data.SequencedRecord;

import static io.github.s2spring.client.wire.WireInputs.basinConfig;
import static io.github.s2spring.client.wire.WireInputs.readOptions;
import static io.github.s2spring.client.wire.WireInputs.streamConfig;
import static io.github.s2spring.client.wire.WireInputs.strings;

/**
 * The Java side of the wire comparison: performs one operation of
 * {@code conformance/wire/operations.json} with {@link S2Client}, as
 * {@code conformance/wire/ts-driver.mjs} does with the official TypeScript SDK.
 */
final class WireDriver {

	private final S2Client client;

	private final S2Client gzip;

	/**
	 * Creates a driver.
	 * @param client the client of every operation but the gzip sessions
	 * @param gzip the client with gzip compression
	 */
	WireDriver(S2Client client, S2Client gzip) {
		this.client = client;
		this.gzip = gzip;
	}

	void perform(JsonNode op) {
		String name = op.path("name").asString();
		String basin = op.path("basin").asString("");
		String stream = op.path("stream").asString("");
		switch (name) {
			case "locations.list" -> this.client.locations().list();
			case "locations.getDefault" -> this.client.locations().getDefault();
			case "locations.setDefault" -> this.client.locations().setDefault(op.path("location").asString());
			case "basins.create" ->
				this.client.basins().create(CreateBasinRequest.of(basin).withConfig(basinConfig(op.path("config"))));
			case "basins.ensure" ->
				this.client.basins().ensure(CreateBasinRequest.of(basin).withConfig(basinConfig(op.path("config"))));
			case "basins.list" -> this.client.basins().listPage(WireInputs.list(op));
			case "basins.getConfig" -> this.client.basins().getConfig(basin);
			case "basins.reconfigure" -> this.client.basins().reconfigure(basin, basinReconfiguration(op));
			case "basins.delete" -> this.client.basins().delete(basin);
			case "streams.create" -> this.client.basin(basin)
				.streams()
				.create(CreateStreamRequest.of(stream).withConfig(streamConfig(op.path("config"))));
			case "streams.ensure" -> this.client.basin(basin)
				.streams()
				.ensure(CreateStreamRequest.of(stream).withConfig(streamConfig(op.path("config"))));
			case "streams.list" -> this.client.basin(basin).streams().listPage(WireInputs.list(op));
			case "streams.getConfig" -> this.client.basin(basin).streams().getConfig(stream);
			case "streams.reconfigure" ->
				this.client.basin(basin).streams().reconfigure(stream, streamReconfiguration(op));
			case "streams.delete" -> this.client.basin(basin).streams().delete(stream);
			case "accessTokens.issue" -> this.client.accessTokens().issue(WireInputs.accessToken(op));
			case "accessTokens.list" -> this.client.accessTokens().listPage(WireInputs.list(op));
			case "accessTokens.revoke" -> this.client.accessTokens().revoke(op.path("id").asString());
			case "metrics.account" ->
				this.client.metrics().account(AccountMetricSet.ACCOUNT_OPS, WireInputs.metrics(op));
			case "metrics.basin" ->
				this.client.metrics().basin(basin, BasinMetricSet.APPEND_OPS, WireInputs.metrics(op));
			case "metrics.stream" ->
				this.client.metrics().stream(basin, stream, StreamMetricSet.STORAGE, WireInputs.metrics(op));
			case "append.strings" -> target(op).append(AppendBatch.of(strings(op.path("records"))));
			case "append.bytes" -> target(op).append(AppendBatch.of(WireInputs.bytes(op.path("records")))
				.withMatchSeqNum(op.path("matchSeqNum").asLong()));
			case "append.fenced" -> target(op).append(
					AppendBatch.of(strings(op.path("records"))).withFencingToken(op.path("fencingToken").asString()));
			case "read.strings", "read.bytes" -> target(op).read(readOptions(op));
			case "checkTail" -> target(op).checkTail();
			case "fence" -> target(op).fence(op.path("token").asString(), null);
			case "trim" -> target(op).trim(op.path("seqNum").asLong());
			case "appendSession", "appendSession.gzip" -> appendSession(op);
			case "readSession", "readSession.gzip" -> readSession(op);
			default -> throw new IllegalArgumentException("Unknown operation " + name);
		}
	}

	private static BasinReconfiguration basinReconfiguration(JsonNode op) {
		return BasinReconfiguration.builder()
			.createStreamOnRead(Patch.set(op.path("createStreamOnRead").asBoolean()))
			.defaultStreamConfig(Patch.set(StreamReconfiguration.builder()
				.timestamping(Patch.set(TimestampingReconfiguration.unchanged()
					.withMode(Patch
						.set(WireInputs.mode(op.path("defaultStreamConfig").path("timestamping").path("mode"))))))
				.build()))
			.build();
	}

	private static StreamReconfiguration streamReconfiguration(JsonNode op) {
		Duration minAge = Duration.ofSeconds(op.path("deleteOnEmpty").path("minAgeSecs").asLong());
		return StreamReconfiguration.builder()
			.deleteOnEmpty(Patch.set(new DeleteOnEmptyReconfiguration(Patch.set(minAge))))
			.build();
	}

	private void appendSession(JsonNode op) {
		try (AppendSession session = clientOf(op).basin(op.path("basin").asString())
			.stream(op.path("stream").asString())
			.appendSession()) {
			for (JsonNode batch : op.path("batches")) {
				session.append(AppendBatch.of(strings(batch)));
			}
		}
	}

	private void readSession(JsonNode op) {
		int read = 0;
		try (ReadSession session = clientOf(op).basin(op.path("basin").asString())
			.stream(op.path("stream").asString())
			.readSession(readOptions(op))) {
			for (Iterator<SequencedRecord> records = session.records(); records.hasNext(); records.next()) {
				read++;
			}
		}
		if (read != op.path("count").asInt()) {
			throw new IllegalStateException(op.path("name").asString() + ": read " + read + " records");
		}
	}

	private S2Client clientOf(JsonNode op) {
		return op.path("compression").asString("none").equals("gzip") ? this.gzip : this.client;
	}

	private S2Stream target(JsonNode op) {
		return this.client.basin(op.path("basin").asString()).stream(op.path("stream").asString());
	}

}
