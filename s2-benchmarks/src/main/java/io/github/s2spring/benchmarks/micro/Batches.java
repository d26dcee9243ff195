package io.github.s2spring.benchmarks.micro;

import java.util.Random;

import com.google.protobuf.ByteString;
import s2.v1.AppendInput;
import s2.v1.AppendRecord;
import s2.v1.Header;
import s2.v1.ReadBatch;
import s2.v1.SequencedRecord;

/**
 * Deterministic test batches for the benchmarks.
 */
final class Batches {

	private Batches() {
	}

	/**
	 * A batch of records with one header and a body of half random, half repetitive
	 * bytes, so that compression has realistic work to do.
	 * @param records the number of records
	 * @param bodyBytes the body size of each record
	 * @return the batch
	 */
	static AppendInput appendInput(int records, int bodyBytes) {
		Random random = new Random(42);
		AppendInput.Builder builder = AppendInput.newBuilder();
		for (int i = 0; i < records; i++) {
			builder.addRecords(AppendRecord.newBuilder()
				.addHeaders(Header.newBuilder()
					.setName(ByteString.copyFromUtf8("type"))
					.setValue(ByteString.copyFromUtf8("event")))
				.setBody(ByteString.copyFrom(body(random, bodyBytes))));
		}
		return builder.build();
	}

	/**
	 * The read batch a server would return for {@link #appendInput(int, int)}.
	 * @param records the number of records
	 * @param bodyBytes the body size of each record
	 * @return the batch
	 */
	static ReadBatch readBatch(int records, int bodyBytes) {
		ReadBatch.Builder builder = ReadBatch.newBuilder();
		long seqNum = 0;
		for (AppendRecord record : appendInput(records, bodyBytes).getRecordsList()) {
			builder.addRecords(SequencedRecord.newBuilder()
				.setSeqNum(seqNum++)
				.setTimestamp(1_700_000_000_000L + seqNum)
				.addAllHeaders(record.getHeadersList())
				.setBody(record.getBody()));
		}
		return builder.build();
	}

	static byte[] body(Random random, int bytes) {
		byte[] body = new byte[bytes];
		random.nextBytes(body);
		for (int i = bytes / 2; i < bytes; i++) {
			body[i] = (byte) ('a' + (i % 7));
		}
		return body;
	}

}
