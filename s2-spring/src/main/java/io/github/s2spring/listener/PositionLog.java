package io.github.s2spring.listener;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import io.github.s2spring.client.S2Client;
import io.github.s2spring.client.control.model.CreateStreamRequest;
import io.github.s2spring.client.data.AppendAck;
import io.github.s2spring.client.data.AppendBatch;
import io.github.s2spring.client.data.AppendRecord;
import io.github.s2spring.client.data.Header;
import io.github.s2spring.client.data.ReadBatch;
import io.github.s2spring.client.data.ReadOptions;
import io.github.s2spring.client.data.S2Stream;
import io.github.s2spring.client.data.SequencedRecord;
import io.github.s2spring.client.error.NotFoundException;
import io.github.s2spring.client.error.RangeNotSatisfiableException;

/**
 * The S2 stream that holds one listener's positions, for {@link StreamS2PositionStore}:
 * each record is a JSON object {@code {"<basin>": {"<stream>": nextSeqNum}}} with a
 * {@value #KIND_HEADER} header saying whether it is an {@code update} (the positions that
 * changed) or part of a {@code snapshot} (every position); replaying the records in order
 * gives the latest positions. After a snapshot the records before it are trimmed, so a
 * replay reads one snapshot and the updates after it. The stream is created on the first
 * append.
 */
final class PositionLog {

	/** The header naming the kind of a record. */
	static final String KIND_HEADER = "s2-positions";

	private static final int MAX_RECORD_POSITIONS = 5_000;

	private static final TypeReference<Map<String, Map<String, Long>>> BODY = new TypeReference<>() {
	};

	private static final JsonMapper json = JsonMapper.builder().build();

	private final S2Client client;

	private final String basin;

	private final String name;

	private final S2Stream stream;

	PositionLog(S2Client client, String basin, String name) {
		this.client = client;
		this.basin = basin;
		this.name = name;
		this.stream = client.basin(basin).stream(name);
	}

	String name() {
		return this.name;
	}

	/**
	 * Reads the whole log (S2 answers a read at the tail with a 416: the end).
	 * @param into receives the positions, keyed by basin and stream
	 * @return how many updates follow the latest snapshot
	 */
	int replay(Map<StreamKey, Long> into) {
		int updates = 0;
		long next = 0;
		try {
			while (true) {
				ReadBatch batch = this.stream.read(ReadOptions.fromSeqNum(next));
				if (batch.isEmpty()) {
					return updates;
				}
				for (SequencedRecord record : batch.records()) {
					String kind = kind(record);
					if (kind != null) {
						decode(record.bodyAsBytes(), into);
						updates = kind.equals("snapshot") ? 0 : updates + 1;
					}
				}
				next = batch.nextSeqNum();
			}
		}
		catch (NotFoundException | RangeNotSatisfiableException ex) {
			return updates;
		}
	}

	/**
	 * Appends positions.
	 * @param positions the positions
	 * @param snapshot whether they are every position (a snapshot) or the changed ones
	 * @return the seq num of the first record appended
	 */
	CompletableFuture<Long> append(Map<StreamKey, Long> positions, boolean snapshot) {
		List<AppendRecord> records = encode(positions, snapshot ? "snapshot" : "update");
		return appendAll(records, 0, -1).exceptionallyCompose((failure) -> {
			if (!(unwrap(failure) instanceof NotFoundException)) {
				return CompletableFuture.failedFuture(failure);
			}
			return this.client.basin(this.basin)
				.streams()
				.ensureAsync(CreateStreamRequest.of(this.name))
				.thenCompose((created) -> appendAll(records, 0, -1));
		});
	}

	private CompletableFuture<Long> appendAll(List<AppendRecord> records, int index, long first) {
		if (index == records.size()) {
			return CompletableFuture.completedFuture(first);
		}
		return this.stream.appendAsync(AppendBatch.of(records.get(index)))
			.thenCompose((AppendAck ack) -> appendAll(records, index + 1, (first < 0) ? ack.start().seqNum() : first));
	}

	/**
	 * Trims the records before a seq num.
	 * @param seqNum the first record to keep
	 * @return completes once trimmed
	 */
	CompletableFuture<Void> trim(long seqNum) {
		return this.stream.trimAsync(seqNum).thenApply((ack) -> null);
	}

	private static List<AppendRecord> encode(Map<StreamKey, Long> positions, String kind) {
		List<AppendRecord> records = new ArrayList<>();
		Map<String, Map<String, Long>> body = new LinkedHashMap<>();
		int count = 0;
		for (Map.Entry<StreamKey, Long> entry : positions.entrySet()) {
			body.computeIfAbsent(entry.getKey().basin(), (basin) -> new LinkedHashMap<>())
				.put(entry.getKey().stream(), entry.getValue());
			if (++count == MAX_RECORD_POSITIONS) {
				records.add(record(body, kind));
				body = new LinkedHashMap<>();
				count = 0;
			}
		}
		if (count > 0 || records.isEmpty()) {
			records.add(record(body, kind));
		}
		return records;
	}

	private static AppendRecord record(Map<String, Map<String, Long>> body, String kind) {
		return AppendRecord.of(json.writeValueAsBytes(body)).withHeader(KIND_HEADER, kind);
	}

	private static void decode(byte[] body, Map<StreamKey, Long> into) {
		Map<String, Map<String, Long>> positions = json.readValue(body, BODY);
		positions.forEach((basin, streams) -> streams
			.forEach((stream, position) -> into.put(new StreamKey(basin, stream), position)));
	}

	private static @Nullable String kind(SequencedRecord record) {
		for (Header header : record.headers()) {
			if (header.nameAsString().equals(KIND_HEADER)) {
				return header.valueAsString();
			}
		}
		return null;
	}

	private static Throwable unwrap(Throwable failure) {
		Throwable cause = failure;
		while (cause instanceof CompletionException && cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

	/**
	 * A stream of a listener.
	 *
	 * @param basin the basin
	 * @param stream the stream
	 */
	record StreamKey(String basin, String stream) {

	}

}
