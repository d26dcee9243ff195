package io.github.s2spring.client.patterns;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import io.github.s2spring.client.data.AppendBatch;
import io.github.s2spring.client.data.AppendRecord;
import io.github.s2spring.client.data.Header;

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
final class MessageFramer {

	private final MessageWriterOptions options;

	private final Header writerIdHeader;

	private long nextDedupeSeq;

	/**
	 * Creates a framer.
	 * @param options the chunk size, size limit and dedupe settings
	 */
	MessageFramer(MessageWriterOptions options) {
		this.options = options;
		this.writerIdHeader = new Header(PatternHeaders.WRITER_ID_NAME,
				ByteBuffer.wrap(options.writerId().value().getBytes(StandardCharsets.UTF_8)));
		this.nextDedupeSeq = options.firstDedupeSeq();
	}

	/**
	 * The options of this framer.
	 * @return the options
	 */
	MessageWriterOptions options() {
		return this.options;
	}

	/**
	 * The {@code _dedupe_seq} the next record will get.
	 * @return the next dedupe sequence number
	 */
	synchronized long nextDedupeSeq() {
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
	PreparedMessage frame(byte[] payload) {
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
			List<Header> headers = new ArrayList<>(4);
			if (i == 0) {
				headers.add(new Header(PatternHeaders.FRAME_RECORDS_NAME, PatternHeaders.encodeU64(count)));
				headers.add(new Header(PatternHeaders.FRAME_BYTES_NAME, PatternHeaders.encodeU64(payload.length)));
			}
			if (this.options.dedupe()) {
				headers.add(new Header(PatternHeaders.DEDUPE_SEQ_NAME, PatternHeaders.encodeU64(first + i)));
				headers.add(this.writerIdHeader);
			}
			ByteBuffer body = ByteBuffer.wrap(payload, offset, Math.min(chunk, payload.length - offset));
			records.add(new AppendRecord(headers, body, null));
		}
		return new PreparedMessage(AppendBatch.pack(records), count, payload.length,
				this.options.dedupe() ? OptionalLong.of(first) : OptionalLong.empty());
	}

}
