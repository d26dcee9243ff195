package io.github.s2spring.client.patterns;

import java.util.ArrayList;
import java.util.List;

import com.google.protobuf.ByteString;
import io.github.s2spring.protocol.limits.AppendRules;
import io.github.s2spring.protocol.limits.MeteredSize;
import io.github.s2spring.protocol.limits.ValidationException;
import org.junit.jupiter.api.Test;
import s2.v1.AppendInput;
import s2.v1.AppendRecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class BatchPackerTests {

	@Test
	void thousandRecordsFillOneBatchAndTheNextStartsAnother() {
		List<AppendRecord> records = new ArrayList<>();
		for (int i = 0; i < 2001; i++) {
			records.add(AppendRecord.newBuilder().setBody(ByteString.copyFromUtf8(Integer.toString(i))).build());
		}
		List<AppendInput> batches = BatchPacker.pack(records);
		assertThat(batches).extracting(AppendInput::getRecordsCount).containsExactly(1000, 1000, 1);
		assertThat(batches.get(1).getRecords(0).getBody().toStringUtf8()).isEqualTo("1000");
		assertThat(batches.get(2).getRecords(0).getBody().toStringUtf8()).isEqualTo("2000");
	}

	@Test
	void batchesStopAtOneMebibyteMetered() {
		// 8 + 1016 = 1024 metered bytes per record: exactly 1024 records make 1 MiB, but
		// the 1000-record limit comes first; so use 2040-byte bodies: 512 records = 1
		// MiB.
		List<AppendRecord> records = new ArrayList<>();
		for (int i = 0; i < 513; i++) {
			records.add(AppendRecord.newBuilder().setBody(ByteString.copyFrom(new byte[2040])).build());
		}
		List<AppendInput> batches = BatchPacker.pack(records);
		assertThat(batches).extracting(AppendInput::getRecordsCount).containsExactly(512, 1);
		assertThat(MeteredSize.of(batches.get(0))).isEqualTo(1024 * 1024);
		batches.forEach(AppendRules::validate);
	}

	@Test
	void oversizedRecordIsRefused() {
		AppendRecord big = AppendRecord.newBuilder().setBody(ByteString.copyFrom(new byte[1024 * 1024])).build();
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> BatchPacker.pack(List.of(big)))
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
		for (AppendInput batch : message.batches()) {
			AppendRules.validate(batch);
			for (AppendRecord record : batch.getRecordsList()) {
				ByteString body = record.getBody();
				assertThat(body).isEqualTo(ByteString.copyFrom(payload, (int) offset, body.size()));
				assertThat(PatternHeaders.decodeU64("s", record.getHeaders(record.getHeadersCount() - 2).getValue()))
					.isEqualTo(dedupe++);
				offset += body.size();
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
		assertThat(message.batches()).extracting(AppendInput::getRecordsCount).containsExactly(995, 54);
		message.batches().forEach(AppendRules::validate);
	}

}
