package io.github.s2spring.client.patterns;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

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
	void hundredMebibyteMessageSpansOneHundredAndOneBatchesInOrder() {
		byte[] payload = new byte[100 * 1024 * 1024];
		for (int i = 0; i < payload.length; i += 4096) {
			payload[i] = (byte) (i >>> 12);
		}
		PreparedMessage message = new MessageFramer(MessageWriterOptions.defaults()).frame(payload);
		assertThat(message.records()).isEqualTo(101);
		assertThat(message.batches()).hasSize(101);
		long offset = 0;
		long dedupe = 0;
		for (AppendBatch batch : message.batches()) {
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
	void smallChunksOfOneMessageArePackedByTheMeteredLimit() {
		PreparedMessage message = new MessageFramer(
				MessageWriterOptions.builder().chunkBytes(1000).writerId(new WriterId("abcdefghijkl")).build())
			.frame(new byte[1024 * 1024]);
		// a later record is 8 + 2*2 + 11 + 8 + 10 + 12 + 1000 = 1053 metered bytes
		assertThat(message.records()).isEqualTo(1049);
		assertThat(message.batches()).extracting(AppendBatch::size).containsExactly(995, 54);
		message.batches().forEach(TestRecords::validate);
	}

}
