package io.github.s2spring.client.patterns;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.client.data.Header;
import io.github.s2spring.client.data.SequencedRecord;
import io.github.s2spring.client.error.ValidationException;
import io.github.s2spring.client.patterns.ReadOutcome.Failure;
import io.github.s2spring.client.patterns.ReadOutcome.Message;
import io.github.s2spring.client.patterns.ReadOutcome.Reason;

/**
 * Reassembles messages from their records, as the TypeScript {@code FrameAssembler} does,
 * with these differences:
 * <ul>
 * <li>Frames are kept apart per {@code _writer_id} (records without one share a frame),
 * so the frames of writers that interleave on one stream are all reassembled. With one
 * writer this is the TypeScript behaviour. A frame its writer never finishes (the writer
 * died mid-message; a new session has a new id) is held until more than
 * {@code maxOpenFrames} writers have frames in progress, then dropped and reported.</li>
 * <li>A record without frame headers outside a frame is delivered as a message of one
 * record. The TypeScript reader drops it; we keep it so that plain records written by
 * other producers (the CLI, another SDK, a unary append) are not silently lost.</li>
 * <li>Every frame that is dropped is reported as a {@link Failure}: a partial frame cut
 * by a new frame header ({@link Reason#PARTIAL_FRAME_DROPPED}, and the new frame starts:
 * the reader resynchronises), or records that do not add up to {@code _frame_bytes}
 * ({@link Reason#FRAME_SIZE_MISMATCH}).</li>
 * </ul>
 * A frame header declaring 0 bytes or more than the limit raises a
 * {@link FrameSizeException}, as in TypeScript. Not thread-safe: one assembler per
 * reader.
 */
final class FrameAssembler {

	private static final String NO_WRITER = "";

	private final long maxFrameBytes;

	private final int maxOpenFrames;

	private final Map<String, OpenFrame> open = new LinkedHashMap<>();

	/**
	 * Creates an assembler.
	 * @param maxFrameBytes the largest frame accepted
	 * @param maxOpenFrames how many writers may have a frame in progress at once; beyond
	 * it the oldest partial frame is dropped and reported
	 */
	FrameAssembler(long maxFrameBytes, int maxOpenFrames) {
		if (maxFrameBytes < 1 || maxFrameBytes > Integer.MAX_VALUE - 8) {
			throw new ValidationException("max frame bytes", maxFrameBytes,
					"must be between 1 and " + (Integer.MAX_VALUE - 8));
		}
		if (maxOpenFrames < 1) {
			throw new ValidationException("max open frames", maxOpenFrames, "must be at least 1");
		}
		this.maxFrameBytes = maxFrameBytes;
		this.maxOpenFrames = maxOpenFrames;
	}

	/**
	 * Takes the next record of the stream.
	 * @param record the record
	 * @return the messages (payload bytes) completed by it and the frames dropped because
	 * of it, in order
	 * @throws MalformedHeaderException if a frame header is not 8 bytes
	 * @throws FrameSizeException if a frame header declares 0 bytes or more than the
	 * limit
	 */
	List<ReadOutcome<byte[]>> push(SequencedRecord record) {
		return push(record, ReservedHeaders.parse(record.headers()));
	}

	List<ReadOutcome<byte[]>> push(SequencedRecord record, ReservedHeaders headers) {
		List<ReadOutcome<byte[]>> out = new ArrayList<>(1);
		String key = (headers.writerId() != null) ? headers.writerId() : NO_WRITER;
		OpenFrame frame;
		if (headers.startsFrame()) {
			frame = start(record, headers, key, out);
			if (frame == null) {
				return out;
			}
		}
		else {
			frame = this.open.get(key);
			if (frame == null) {
				byte[] body = record.bodyAsBytes();
				out.add(new Message<>(body, ReservedHeaders.userHeaders(record.headers()), record.seqNum(),
						record.seqNum(), record.timestamp(), 1, body.length, headers.writerId()));
				return out;
			}
		}
		append(frame, record, key, out);
		return out;
	}

	/**
	 * How many frames are in progress.
	 * @return the number of partial frames held
	 */
	int openFrames() {
		return this.open.size();
	}

	private @Nullable OpenFrame start(SequencedRecord record, ReservedHeaders headers, String key,
			List<ReadOutcome<byte[]>> out) {
		long bytes = headers.frameBytes();
		long records = headers.frameRecords();
		long seq = record.seqNum();
		if (bytes == 0 || Long.compareUnsigned(bytes, this.maxFrameBytes) > 0) {
			throw new FrameSizeException("Frame starting at seq num " + seq + " declares "
					+ Long.toUnsignedString(bytes) + " bytes; it must be between 1 and " + this.maxFrameBytes, bytes,
					this.maxFrameBytes);
		}
		OpenFrame previous = this.open.remove(key);
		if (previous != null) {
			out.add(previous.dropped(Reason.PARTIAL_FRAME_DROPPED, "Partial frame dropped after " + previous.received
					+ " of " + previous.records + " records: a new frame started at seq num " + seq));
		}
		if (records == 0 || Long.compareUnsigned(records, bytes) > 0) {
			out.add(new Failure<>(Reason.MALFORMED_HEADER, "Frame at seq num " + seq + " declares "
					+ Long.toUnsignedString(records) + " records for " + bytes + " bytes; record skipped", seq, seq,
					null));
			return null;
		}
		OpenFrame frame = new OpenFrame(record, (int) bytes, (int) records, headers.writerId());
		this.open.put(key, frame);
		if (this.open.size() > this.maxOpenFrames) {
			Iterator<OpenFrame> eldest = this.open.values().iterator();
			OpenFrame evicted = eldest.next();
			eldest.remove();
			out.add(evicted.dropped(Reason.PARTIAL_FRAME_DROPPED,
					"Partial frame dropped: more than " + this.maxOpenFrames + " writers had a frame in progress"));
		}
		return frame;
	}

	private void append(OpenFrame frame, SequencedRecord record, String key, List<ReadOutcome<byte[]>> out) {
		ByteBuffer body = record.body();
		frame.lastSeqNum = record.seqNum();
		frame.received++;
		if ((long) frame.written + body.remaining() > frame.bytes) {
			this.open.remove(key);
			out.add(frame.dropped(Reason.FRAME_SIZE_MISMATCH, "Frame dropped: its records exceed the declared "
					+ frame.bytes + " bytes at record " + frame.received + " of " + frame.records));
			return;
		}
		frame.chunks.add(body);
		frame.written += body.remaining();
		if (frame.received < frame.records) {
			return;
		}
		this.open.remove(key);
		if (frame.written != frame.bytes) {
			out.add(frame.dropped(Reason.FRAME_SIZE_MISMATCH, "Frame dropped: its " + frame.records + " records hold "
					+ frame.written + " bytes, the header declared " + frame.bytes));
			return;
		}
		byte[] payload = new byte[frame.bytes];
		int offset = 0;
		for (ByteBuffer chunk : frame.chunks) {
			int size = chunk.remaining();
			chunk.get(payload, offset, size);
			offset += size;
		}
		out.add(new Message<>(payload, frame.headers, frame.seqNum, frame.lastSeqNum, frame.timestamp, frame.records,
				frame.bytes, frame.writerId));
	}

	private static final class OpenFrame {

		final long seqNum;

		final long timestamp;

		final int bytes;

		final int records;

		final @Nullable String writerId;

		final List<Header> headers;

		final List<ByteBuffer> chunks = new ArrayList<>();

		long lastSeqNum;

		int received;

		int written;

		OpenFrame(SequencedRecord first, int bytes, int records, @Nullable String writerId) {
			this.seqNum = first.seqNum();
			this.timestamp = first.timestamp();
			this.lastSeqNum = this.seqNum;
			this.bytes = bytes;
			this.records = records;
			this.writerId = writerId;
			this.headers = ReservedHeaders.userHeaders(first.headers());
		}

		Failure<byte[]> dropped(Reason reason, String description) {
			return new Failure<>(reason, description, this.seqNum, this.lastSeqNum, null);
		}

	}

}
