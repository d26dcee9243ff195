package io.github.s2spring.client.patterns;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.google.protobuf.InvalidProtocolBufferException;
import s2.v1.AppendInput;

import io.github.s2spring.client.data.AppendBatch;
import io.github.s2spring.client.data.AppendRecord;
import io.github.s2spring.client.data.Header;
import io.github.s2spring.client.data.ReadBatch;
import io.github.s2spring.client.data.SequencedRecord;
import io.github.s2spring.protocol.limits.AppendRules;

/**
 * Builds stored records for reader tests.
 */
final class TestRecords {

	private TestRecords() {
	}

	static Header header(String name, ByteBuffer value) {
		return new Header(ByteBuffer.wrap(name.getBytes(StandardCharsets.UTF_8)), value);
	}

	static byte[] bytes(ByteBuffer buffer) {
		byte[] bytes = new byte[buffer.remaining()];
		buffer.duplicate().get(bytes);
		return bytes;
	}

	static Header u64(String name, long value) {
		return header(name, PatternHeaders.encodeU64(value));
	}

	static Header text(String name, String value) {
		return Header.of(name, value);
	}

	static SequencedRecord record(long seq, String body, Header... headers) {
		return new SequencedRecord(seq, 5000 + seq, List.of(headers),
				ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)));
	}

	static List<AppendRecord> appendRecords(PreparedMessage... messages) {
		List<AppendRecord> records = new ArrayList<>();
		for (PreparedMessage message : messages) {
			records.addAll(message.records());
		}
		return records;
	}

	/**
	 * Reads stored records as one batch.
	 */
	static <T> List<ReadOutcome<T>> read(MessageReader<T> reader, List<SequencedRecord> records) {
		return reader.read(new ReadBatch(records, null));
	}

	/**
	 * Decodes a batch's encoding with protobuf and checks it with the server's rules.
	 */
	static AppendInput validate(AppendBatch batch) {
		try {
			AppendInput input = AppendInput.parseFrom(batch.encoded());
			AppendRules.validate(input);
			return input;
		}
		catch (InvalidProtocolBufferException ex) {
			throw new AssertionError("The batch does not decode: " + ex.getMessage(), ex);
		}
	}

	static List<SequencedRecord> stored(List<AppendRecord> records) {
		List<SequencedRecord> stored = new ArrayList<>();
		for (AppendRecord record : records) {
			stored.add(new SequencedRecord(stored.size(), 5000 + stored.size(), record.headers(), record.body()));
		}
		return stored;
	}

}
