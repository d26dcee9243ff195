package io.github.s2spring.client.patterns;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import io.github.s2spring.client.data.AppendBatch;
import io.github.s2spring.client.data.AppendRecord;
import io.github.s2spring.client.error.ValidationException;
import io.github.s2spring.protocol.limits.MeteredSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class BatchPackingTests {

	@Test
	void thousandRecordsFillOneBatchAndTheNextStartsAnother() {
		List<AppendRecord> records = new ArrayList<>();
		for (int i = 0; i < 2001; i++) {
			records.add(AppendRecord.of(Integer.toString(i)));
		}
		List<AppendBatch> batches = AppendBatch.pack(records);
		assertThat(batches).extracting(AppendBatch::size).containsExactly(1000, 1000, 1);
		assertThat(batches.get(1).records().get(0).bodyAsString()).isEqualTo("1000");
		assertThat(batches.get(2).records().get(0).bodyAsString()).isEqualTo("2000");
	}

	@Test
	void batchesStopAtOneMebibyteMetered() {
		// 8 + 1016 = 1024 metered bytes per record: exactly 1024 records make 1 MiB, but
		// the 1000-record limit comes first; so use 2040-byte bodies: 512 records = 1
		// MiB.
		List<AppendRecord> records = new ArrayList<>();
		for (int i = 0; i < 513; i++) {
			records.add(AppendRecord.of(new byte[2040]));
		}
		List<AppendBatch> batches = AppendBatch.pack(records);
		assertThat(batches).extracting(AppendBatch::size).containsExactly(512, 1);
		assertThat(batches.get(0).meteredBytes()).isEqualTo(1024 * 1024);
		assertThat(MeteredSize.of(TestRecords.validate(batches.get(0)))).isEqualTo(1024 * 1024);
		batches.forEach(TestRecords::validate);
	}

	@Test
	void oversizedRecordIsRefused() {
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> AppendBatch.pack(List.of(AppendRecord.of(new byte[1024 * 1024]))))
			.withMessageContaining("1048584 metered bytes");
	}

	@Test
	void hundredMebibyteMessageSpansOneHundredAndOneFullBatchesInOrder() {
		byte[] payload = new byte[100 * 1024 * 1024];
		for (int i = 0; i < payload.length; i += 4096) {
			payload[i] = (byte) (i >>> 12);
		}
		PreparedMessage message = new MessageFramer(MessageWriterOptions.defaults()).frame(payload);
		assertThat(message.recordCount()).isEqualTo(101);
		List<PackedBatch> batches = pack(new BatchPacker(OptionalLong.empty(), null), message);
		assertThat(batches).hasSize(101);
		long offset = 0;
		long dedupe = 0;
		for (PackedBatch packed : batches) {
			AppendBatch batch = packed.sealed();
			TestRecords.validate(batch);
			for (AppendRecord record : batch.records()) {
				ByteBuffer body = record.body();
				assertThat(body).isEqualTo(ByteBuffer.wrap(payload, (int) offset, body.remaining()));
				assertThat(PatternHeaders.decodeU64("s", record.headers().get(record.headers().size() - 2).value()))
					.isEqualTo(dedupe++);
				offset += body.remaining();
			}
		}
		assertThat(offset).isEqualTo(payload.length);
	}

	@Test
	void recordsOfConsecutiveMessagesShareBatchesAndEachMessageKnowsItsParts() {
		MessageFramer framer = new MessageFramer(MessageWriterOptions.builder().chunkBytes(1).build());
		BatchPacker packer = new BatchPacker(OptionalLong.empty(), null);
		List<PackedBatch> sealed = new ArrayList<>();
		PendingMessage first = add(packer, framer.frame(new byte[600]), sealed);
		PendingMessage second = add(packer, framer.frame(new byte[600]), sealed);
		PendingMessage third = add(packer, framer.frame(new byte[3]), sealed);
		assertThat(sealed).hasSize(1);
		assertThat(sealed.get(0).size).isEqualTo(1000);
		assertThat(packer.open()).isNotNull();
		PackedBatch open = packer.open();
		sealed.add(packer.seal());
		assertThat(packer.open()).isNull();
		assertThat(open.size).isEqualTo(203);
		assertThat(first.parts).extracting((part) -> part.offset, (part) -> part.count)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(0, 600));
		assertThat(second.parts).extracting((part) -> part.batch, (part) -> part.offset, (part) -> part.count)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(sealed.get(0), 600, 400),
					org.assertj.core.groups.Tuple.tuple(open, 0, 200));
		assertThat(third.parts).extracting((part) -> part.offset, (part) -> part.count)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(200, 3));
		assertThat(second.prepared().records()).hasSize(600);
		assertThat(second.prepared().records().get(0).headers().get(0).nameAsString()).isEqualTo("_frame_records");
		sealed.forEach((batch) -> TestRecords.validate(batch.sealed()));
	}

	@Test
	void sealingChainsMatchSeqNumAndPutsTheTokenOnEveryBatch() {
		BatchPacker packer = new BatchPacker(OptionalLong.of(10), "token");
		MessageFramer framer = new MessageFramer(MessageWriterOptions.defaults());
		List<PackedBatch> sealed = new ArrayList<>();
		for (int i = 0; i < 1003; i++) {
			add(packer, framer.frame(new byte[] { 1 }), sealed);
		}
		sealed.add(packer.seal());
		add(packer, framer.frame(new byte[] { 2 }), sealed);
		sealed.add(packer.seal());
		assertThat(sealed).extracting((batch) -> batch.sealed().size()).containsExactly(1000, 3, 1);
		assertThat(sealed).extracting((batch) -> batch.sealed().matchSeqNum()).containsExactly(10L, 1010L, 1013L);
		assertThat(sealed).extracting((batch) -> batch.sealed().fencingToken()).containsOnly("token");
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(packer::seal);
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> new PackedBatch().sealed());
	}

	private static PendingMessage add(BatchPacker packer, PreparedMessage message, List<PackedBatch> sealed) {
		PendingMessage pending = new PendingMessage(message.bytes(), message.firstDedupeSeq());
		packer.add(pending, message.records(), sealed::add);
		return pending;
	}

	private static List<PackedBatch> pack(BatchPacker packer, PreparedMessage message) {
		List<PackedBatch> sealed = new ArrayList<>();
		add(packer, message, sealed);
		if (packer.open() != null) {
			sealed.add(packer.seal());
		}
		return sealed;
	}

}
