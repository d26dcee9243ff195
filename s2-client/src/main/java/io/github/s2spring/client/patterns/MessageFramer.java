package io.github.s2spring.client.patterns;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.client.data.AppendRecord;
import io.github.s2spring.client.data.Header;
import io.github.s2spring.client.error.ValidationException;
import io.github.s2spring.protocol.limits.Limits;
import io.github.s2spring.protocol.limits.MeteredSize;

/**
 * Turns serialized messages into records exactly as the TypeScript
 * {@code SerializingAppendSession} does: chunk bodies of at most the chunk size; on the
 * first record {@code _frame_records} then {@code _frame_bytes} (also for a message of
 * one record); with dedupe on, {@code _dedupe_seq} then {@code _writer_id} on every
 * record, after the frame headers. The dedupe sequence counts records and continues
 * across messages.
 * <p>
 * A message's own headers go on its first record, after the patterns headers (readers
 * find the patterns headers by name, so the TypeScript reader still reassembles and
 * dedupes). The first chunk is shortened as much as they need for the record to stay
 * within 1 MiB metered.
 * <p>
 * Stamps are assigned here, once per message, after every check has passed; nothing else
 * advances the counter, so a message that was refused used no stamp, and a resent message
 * can only carry the stamps it was framed with. Not thread-safe: the writer frames under
 * its lock, so that messages are appended in the order they were stamped.
 */
final class MessageFramer {

	private final MessageWriterOptions options;

	private final WriterId writerId;

	private final Header writerIdHeader;

	private final long overhead;

	private long nextDedupeSeq;

	/**
	 * Creates a framer.
	 * @param options the chunk size, size limit and dedupe settings
	 */
	MessageFramer(MessageWriterOptions options) {
		this.options = options;
		this.writerId = (options.writerId() != null) ? options.writerId() : WriterId.random();
		byte[] id = this.writerId.value().getBytes(StandardCharsets.UTF_8);
		this.writerIdHeader = new Header(PatternHeaders.WRITER_ID_NAME, ByteBuffer.wrap(id));
		this.overhead = PatternHeaders.firstChunkOverhead(options.dedupe(), id.length);
		this.nextDedupeSeq = options.firstDedupeSeq();
	}

	/**
	 * The writer id stamped on the records.
	 * @return the writer id
	 */
	WriterId writerId() {
		return this.writerId;
	}

	/**
	 * The {@code _dedupe_seq} the next record will get.
	 * @return the next dedupe sequence number
	 */
	long nextDedupeSeq() {
		return this.nextDedupeSeq;
	}

	/**
	 * Takes back the stamps of messages framed since {@link #nextDedupeSeq()} returned a
	 * value, for messages that are refused after all (an atomic batch that does not fit).
	 * @param nextDedupeSeq the value to go back to
	 */
	void rewind(long nextDedupeSeq) {
		this.nextDedupeSeq = nextDedupeSeq;
	}

	/**
	 * Checks that a message can be framed, without stamping anything.
	 * @param payloadBytes the size of the serialized message
	 * @param headers the message's own headers
	 * @return the body room of the first chunk
	 * @throws EmptyMessageException if the payload is empty
	 * @throws FrameSizeException if the payload is larger than the limit
	 * @throws ValidationException if a header is empty or reserved, or the headers leave
	 * no room for a body in a record of 1 MiB metered
	 */
	int check(long payloadBytes, List<Header> headers) {
		if (payloadBytes == 0) {
			throw new EmptyMessageException();
		}
		if (payloadBytes > this.options.maxMessageBytes()) {
			throw new FrameSizeException("Message of " + payloadBytes + " bytes exceeds the limit of "
					+ this.options.maxMessageBytes() + " bytes", payloadBytes, this.options.maxMessageBytes());
		}
		long headerBytes = 0;
		for (int i = 0; i < headers.size(); i++) {
			ByteBuffer name = headers.get(i).name();
			if (!name.hasRemaining()) {
				throw new ValidationException("message header name", "header " + i, "must not be empty");
			}
			if (PatternHeaders.isReserved(name)) {
				throw new ValidationException("message header name", headers.get(i).nameAsString(),
						"is reserved for the patterns (_frame_records, _frame_bytes, _dedupe_seq, _writer_id)");
			}
			headerBytes += name.remaining() + headers.get(i).value().remaining();
		}
		long room = Limits.MAX_RECORD_METERED_BYTES - this.overhead - MeteredSize.of(headers.size(), headerBytes, 0)
				+ MeteredSize.RECORD_OVERHEAD_BYTES;
		if (room < 1) {
			throw new ValidationException("message headers", headers.size() + " headers of " + headerBytes + " bytes",
					"must leave room for a body in the first record (1 MiB metered with the patterns headers)");
		}
		return (int) Math.min(this.options.chunkBytes(), room);
	}

	/**
	 * Frames one serialized message without headers of its own.
	 * @param payload the serialized message
	 * @return the message, ready to append
	 */
	PreparedMessage frame(byte[] payload) {
		return frame(payload, List.of(), null);
	}

	/**
	 * Frames one serialized message with headers and no timestamp.
	 * @param payload the serialized message
	 * @param headers the message's own headers
	 * @return the message, ready to append
	 */
	PreparedMessage frame(byte[] payload, List<Header> headers) {
		return frame(payload, headers, null);
	}

	/**
	 * Frames one serialized message: checks it, chunks it, adds the headers and stamps
	 * it. The records view the payload: it must not change until they are written into a
	 * batch.
	 * @param payload the serialized message; not modified
	 * @param headers the message's own headers, for its first record
	 * @param timestamp the timestamp of every record, or {@code null}
	 * @return the message, ready to append
	 * @throws EmptyMessageException if the payload is empty
	 * @throws FrameSizeException if the payload is larger than the limit
	 * @throws ValidationException if the headers are not allowed
	 */
	PreparedMessage frame(byte[] payload, List<Header> headers, @Nullable Long timestamp) {
		int first = check(payload.length, headers);
		int chunk = this.options.chunkBytes();
		int count = (payload.length <= first) ? 1 : 1 + (payload.length - first + chunk - 1) / chunk;
		long firstSeq = this.nextDedupeSeq;
		List<AppendRecord> records = new ArrayList<>(count);
		int offset = 0;
		for (int i = 0; i < count; i++) {
			List<Header> recordHeaders = new ArrayList<>((i == 0) ? 4 + headers.size() : 2);
			if (i == 0) {
				recordHeaders.add(new Header(PatternHeaders.FRAME_RECORDS_NAME, PatternHeaders.encodeU64(count)));
				recordHeaders
					.add(new Header(PatternHeaders.FRAME_BYTES_NAME, PatternHeaders.encodeU64(payload.length)));
			}
			if (this.options.dedupe()) {
				recordHeaders.add(new Header(PatternHeaders.DEDUPE_SEQ_NAME, PatternHeaders.encodeU64(firstSeq + i)));
				recordHeaders.add(this.writerIdHeader);
			}
			if (i == 0) {
				recordHeaders.addAll(headers);
			}
			int size = Math.min((i == 0) ? first : chunk, payload.length - offset);
			records.add(new AppendRecord(recordHeaders, ByteBuffer.wrap(payload, offset, size), timestamp));
			offset += size;
		}
		if (this.options.dedupe()) {
			this.nextDedupeSeq += count;
		}
		return new PreparedMessage(records, payload.length,
				this.options.dedupe() ? OptionalLong.of(firstSeq) : OptionalLong.empty());
	}

}
