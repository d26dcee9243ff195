package io.github.s2spring.client.patterns;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import com.google.protobuf.ByteString;
import s2.v1.AppendRecord;
import s2.v1.Header;

/**
 * Turns serialized messages into records exactly as the TypeScript
 * {@code SerializingAppendSession} does: chunk bodies of at most the chunk size; on the
 * first record {@code _frame_records} then {@code _frame_bytes} (also for a message of
 * one record); with dedupe on, {@code _dedupe_seq} then {@code _writer_id} on every
 * record, after the frame headers. The dedupe sequence counts records and continues
 * across messages.
 * <p>
 * Stamps are assigned here, once per message; nothing else advances the counter, so a
 * resent batch can only carry the stamps it was built with. Thread-safe, but messages
 * must be appended in the order they were framed: a reader drops records whose dedupe
 * sequence is not above the last one it saw from the same writer.
 */
public final class MessageFramer {

	private final MessageWriterOptions options;

	private final Header writerIdHeader;

	private long nextDedupeSeq;

	/**
	 * Creates a framer.
	 * @param options the chunk size, size limit and dedupe settings
	 */
	public MessageFramer(MessageWriterOptions options) {
		this.options = options;
		this.writerIdHeader = header(PatternHeaders.WRITER_ID_NAME,
				ByteString.copyFromUtf8(options.writerId().value()));
		this.nextDedupeSeq = options.firstDedupeSeq();
	}

	/**
	 * The options of this framer.
	 * @return the options
	 */
	public MessageWriterOptions options() {
		return this.options;
	}

	/**
	 * The {@code _dedupe_seq} the next record will get.
	 * @return the next dedupe sequence number
	 */
	public synchronized long nextDedupeSeq() {
		return this.nextDedupeSeq;
	}

	/**
	 * Frames one serialized message: checks its size, chunks it, adds the headers, stamps
	 * it and packs the records into batches.
	 * @param payload the serialized message; not modified, not kept
	 * @return the message, ready to append
	 * @throws EmptyMessageException if the payload is empty
	 * @throws FrameSizeException if the payload is larger than the limit
	 */
	public PreparedMessage frame(byte[] payload) {
		if (payload.length == 0) {
			throw new EmptyMessageException();
		}
		if (payload.length > this.options.maxMessageBytes()) {
			throw new FrameSizeException("Message of " + payload.length + " bytes exceeds the limit of "
					+ this.options.maxMessageBytes() + " bytes", payload.length, this.options.maxMessageBytes());
		}
		int chunk = this.options.chunkBytes();
		int count = (payload.length + chunk - 1) / chunk;
		long first;
		synchronized (this) {
			first = this.nextDedupeSeq;
			this.nextDedupeSeq += count;
		}
		List<AppendRecord> records = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			int offset = i * chunk;
			AppendRecord.Builder record = AppendRecord.newBuilder()
				.setBody(ByteString.copyFrom(payload, offset, Math.min(chunk, payload.length - offset)));
			if (i == 0) {
				record.addHeaders(header(PatternHeaders.FRAME_RECORDS_NAME, PatternHeaders.encodeU64(count)));
				record.addHeaders(header(PatternHeaders.FRAME_BYTES_NAME, PatternHeaders.encodeU64(payload.length)));
			}
			if (this.options.dedupe()) {
				record.addHeaders(header(PatternHeaders.DEDUPE_SEQ_NAME, PatternHeaders.encodeU64(first + i)));
				record.addHeaders(this.writerIdHeader);
			}
			records.add(record.build());
		}
		return new PreparedMessage(BatchPacker.pack(records), count, payload.length,
				this.options.dedupe() ? OptionalLong.of(first) : OptionalLong.empty());
	}

	private static Header header(ByteString name, ByteString value) {
		return Header.newBuilder().setName(name).setValue(value).build();
	}

}
