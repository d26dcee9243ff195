package io.github.s2spring.client.patterns;

import java.util.ArrayList;
import java.util.List;

import com.google.protobuf.ByteString;
import s2.v1.AppendInput;
import s2.v1.AppendRecord;
import s2.v1.Header;
import s2.v1.SequencedRecord;

/**
 * Builds stored records for reader tests.
 */
final class TestRecords {

	private TestRecords() {
	}

	static Header header(String name, ByteString value) {
		return Header.newBuilder().setName(ByteString.copyFromUtf8(name)).setValue(value).build();
	}

	static Header u64(String name, long value) {
		return header(name, PatternHeaders.encodeU64(value));
	}

	static Header text(String name, String value) {
		return header(name, ByteString.copyFromUtf8(value));
	}

	static SequencedRecord record(long seq, String body, Header... headers) {
		return SequencedRecord.newBuilder()
			.setSeqNum(seq)
			.setTimestamp(5000 + seq)
			.setBody(ByteString.copyFromUtf8(body))
			.addAllHeaders(List.of(headers))
			.build();
	}

	static List<AppendRecord> appendRecords(PreparedMessage... messages) {
		List<AppendRecord> records = new ArrayList<>();
		for (PreparedMessage message : messages) {
			for (AppendInput batch : message.batches()) {
				records.addAll(batch.getRecordsList());
			}
		}
		return records;
	}

	static List<SequencedRecord> stored(List<AppendRecord> records) {
		List<SequencedRecord> stored = new ArrayList<>();
		for (AppendRecord record : records) {
			stored.add(SequencedRecord.newBuilder()
				.setSeqNum(stored.size())
				.setTimestamp(5000 + stored.size())
				.addAllHeaders(record.getHeadersList())
				.setBody(record.getBody())
				.build());
		}
		return stored;
	}

}
