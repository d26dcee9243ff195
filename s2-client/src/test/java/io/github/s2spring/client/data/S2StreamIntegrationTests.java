package io.github.s2spring.client.data;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.s2spring.client.TestServers;
import io.github.s2spring.client.error.FencingTokenMismatchException;
import io.github.s2spring.client.error.NotFoundException;
import io.github.s2spring.client.error.RangeNotSatisfiableException;
import io.github.s2spring.client.error.SeqNumMismatchException;
import io.github.s2spring.client.error.ValidationException;
import io.github.s2spring.protocol.StreamPosition;
import io.github.s2spring.protocol.limits.Limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class S2StreamIntegrationTests {

	@RegisterExtension
	static final EmbeddedServerExtension embedded = new EmbeddedServerExtension();

	private static S2Stream stream(String name) {
		return embedded.stream(name);
	}

	private static List<String> bodies(ReadBatch batch) {
		return batch.records().stream().map((r) -> r.bodyAsString()).toList();
	}

	@Test
	void appendsReadsAndChecksTheTailOfAStreamWithAnAwkwardName() {
		S2Stream stream = stream("chat/général x");
		AppendAck first = stream
			.append(AppendBatch.of(AppendRecord.of("a"), AppendRecord.of("b").withHeader("k", "v")));
		assertThat(first.start().seqNum()).isZero();
		assertThat(first.end().seqNum()).isEqualTo(2);
		assertThat(first.recordCount()).isEqualTo(2);
		AppendAck second = stream.append(AppendBatch.of(AppendRecord.of("c".getBytes(StandardCharsets.UTF_8))));
		assertThat(second.start().seqNum()).isEqualTo(2);
		ReadBatch batch = stream.read(ReadOptions.fromSeqNum(0));
		assertThat(bodies(batch)).containsExactly("a", "b", "c");
		assertThat(batch.records().get(1).headers().get(0).nameAsString()).isEqualTo("k");
		assertThat(batch.records()).extracting(SequencedRecord::seqNum).containsExactly(0L, 1L, 2L);
		assertThat(stream.checkTail().seqNum()).isEqualTo(3);
		assertThat(bodies(stream.read(ReadOptions.fromSeqNum(1).withCount(1)))).containsExactly("b");
		assertThat(bodies(stream.read(ReadOptions.fromTailOffset(1)))).containsExactly("c");
		assertThat(stream.name()).isEqualTo("chat/général x");
		assertThat(stream.basin()).isEqualTo(TestServers.BASIN);
		assertThat(stream.toString()).contains("chat/général x");
	}

	@Test
	void asyncCallsCompleteWithTheSameResults() {
		S2Stream stream = stream("async");
		List<CompletableFuture<AppendAck>> acks = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			acks.add(stream.appendAsync(AppendBatch.of(AppendRecord.of("m" + i)).withMatchSeqNum(i))
				.thenApply((ack) -> ack));
			acks.get(i).join();
		}
		assertThat(acks).extracting((f) -> f.join().start().seqNum()).containsExactly(0L, 1L, 2L, 3L, 4L);
		assertThat(stream.checkTailAsync().join()).extracting(StreamPosition::seqNum).isEqualTo(5L);
		assertThat(bodies(stream.readAsync(ReadOptions.fromSeqNum(3)).join())).containsExactly("m3", "m4");
	}

	@Test
	void preconditionFailuresAreTypedAndCarryTheExpectedValues() {
		S2Stream stream = stream("fenced");
		stream.append(AppendBatch.of(AppendRecord.of("x")));
		assertThatExceptionOfType(SeqNumMismatchException.class)
			.isThrownBy(() -> stream.append(AppendBatch.of(AppendRecord.of("y")).withMatchSeqNum(7)))
			.satisfies((ex) -> assertThat(ex.expectedSeqNum()).isEqualTo(1));
		stream.fence("token-1", null);
		assertThatExceptionOfType(FencingTokenMismatchException.class)
			.isThrownBy(() -> stream.append(AppendBatch.of(AppendRecord.of("y")).withFencingToken("wrong")))
			.satisfies((ex) -> assertThat(ex.expectedFencingToken()).isEqualTo("token-1"));
		AppendAck ok = stream.append(AppendBatch.of(AppendRecord.of("y")).withFencingToken("token-1"));
		assertThat(ok.start().seqNum()).isEqualTo(2);
		stream.fence("", "token-1");
		AppendAck trim = stream.trim(2);
		assertThat(trim.recordCount()).isEqualTo(1);
	}

	@Test
	void readingBeyondTheTailIsRangeNotSatisfiableUnlessClamped() {
		S2Stream stream = stream("short");
		stream.append(AppendBatch.of(AppendRecord.of("only")));
		assertThatExceptionOfType(RangeNotSatisfiableException.class)
			.isThrownBy(() -> stream.read(ReadOptions.fromSeqNum(10)))
			.satisfies((ex) -> assertThat(ex.tail()).isNotNull().extracting(StreamPosition::seqNum).isEqualTo(1L));
		ReadBatch clamped = stream.read(ReadOptions.fromSeqNum(10).withClamp(true).withWait(1).withCount(1));
		assertThat(clamped.records()).isEmpty();
	}

	@Test
	void missingBasinIsNotFoundAndIsNotRetried() {
		S2Stream stream = embedded.client().basin("missing-basin").stream("s");
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(stream::checkTail)
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("basin_not_found"));
	}

	@Test
	void invalidBatchesAreRejectedBeforeTheWire() {
		List<AppendRecord> tooMany = new ArrayList<>();
		for (int i = 0; i <= Limits.MAX_BATCH_RECORDS; i++) {
			tooMany.add(AppendRecord.of("r"));
		}
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> AppendBatch.of(tooMany))
			.withMessageContaining("1001 records");
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> AppendBatch.of(AppendRecord.of("x")).withFencingToken("x".repeat(37)))
			.withMessageContaining("fencing token");
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> stream(""))
			.withMessageContaining("stream name");
	}

	@Test
	void batchHelperPacksRecordsWithinTheLimits() {
		List<AppendRecord> records = new ArrayList<>();
		for (int i = 0; i < 2500; i++) {
			records.add(AppendRecord.of("r" + i));
		}
		byte[] big = new byte[600 * 1024];
		records.add(AppendRecord.of(big));
		records.add(AppendRecord.of(big));
		List<AppendBatch> batches = AppendBatch.pack(records);
		assertThat(batches).extracting(AppendBatch::size).containsExactly(1000, 1000, 501, 1);
		assertThat(batches).allSatisfy((b) -> assertThat(b.meteredBytes()).isLessThanOrEqualTo(1024 * 1024));
		S2Stream stream = stream("packed");
		for (AppendBatch batch : batches) {
			stream.append(batch);
		}
		assertThat(stream.checkTail().seqNum()).isEqualTo(2502);
		assertThat(batches.get(0).toString()).contains("1000 records");
	}

}
