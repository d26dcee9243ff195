package io.github.s2spring.client.patterns;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Flow;

import io.github.s2spring.client.data.ReadBatch;
import io.github.s2spring.client.data.ReadSession;
import io.github.s2spring.client.data.SequencedRecord;
import io.github.s2spring.client.patterns.ReadOutcome.Failure;
import io.github.s2spring.client.patterns.ReadOutcome.Message;
import io.github.s2spring.client.patterns.ReadOutcome.Reason;

/**
 * Reads typed messages from records, compatible with the TypeScript
 * {@code DeserializingReadSession}: each record goes through the {@link DedupeFilter},
 * then the {@link FrameAssembler}, and every complete message through the deserializer.
 * <p>
 * Works on any source of records, in stream order: records one by one, a read batch, a
 * list of a unary read, an {@link Iterator} or a {@link Flow.Publisher} of a read
 * session. A deserialization error, a dropped frame or a malformed header becomes a
 * {@link Failure} and the stream goes on; only a {@link FrameSizeException} stops it. Not
 * thread-safe: one reader per stream being read.
 *
 * @param <T> the type of the messages
 */
public final class MessageReader<T> {

	private final S2Serializer<T> serializer;

	private final ReaderOptions options;

	private final DedupeFilter dedupe;

	private final FrameAssembler assembler;

	private long duplicates;

	/**
	 * Creates a reader with the default options (dedupe on).
	 * @param serializer turns message bytes into messages
	 */
	public MessageReader(S2Serializer<T> serializer) {
		this(serializer, ReaderOptions.defaults());
	}

	/**
	 * Creates a reader.
	 * @param serializer turns message bytes into messages
	 * @param options dedupe and limits
	 */
	public MessageReader(S2Serializer<T> serializer, ReaderOptions options) {
		this.serializer = serializer;
		this.options = options;
		this.dedupe = new DedupeFilter(options.maxWriters());
		this.assembler = new FrameAssembler(options.maxFrameBytes(), options.maxOpenFrames());
	}

	/**
	 * Reads the next record of the stream.
	 * @param record the record
	 * @return the messages it completes and the failures it causes, in order
	 * @throws FrameSizeException if the record starts a frame over the limit
	 */
	public List<ReadOutcome<T>> read(SequencedRecord record) {
		List<ReadOutcome<T>> out = new ArrayList<>(1);
		read(record, out);
		return out;
	}

	/**
	 * Reads the next batch of the stream, for example the result of a unary read (a
	 * heartbeat gives nothing).
	 * @param batch the batch
	 * @return the messages and failures, in order
	 * @throws FrameSizeException if a record starts a frame over the limit
	 */
	public List<ReadOutcome<T>> read(ReadBatch batch) {
		return readAll(batch.records());
	}

	/**
	 * Reads a read session as messages, with the session's back-pressure: a publisher for
	 * one subscriber.
	 * @param session the session
	 * @return a publisher of messages and failures
	 */
	public Flow.Publisher<ReadOutcome<T>> read(ReadSession session) {
		return readBatches(session);
	}

	/**
	 * Reads the next records of the stream, for example the records of a unary read.
	 * @param records the records, in order
	 * @return the messages and failures, in order
	 * @throws FrameSizeException if a record starts a frame over the limit
	 */
	public List<ReadOutcome<T>> readAll(Iterable<SequencedRecord> records) {
		List<ReadOutcome<T>> out = new ArrayList<>();
		for (SequencedRecord record : records) {
			read(record, out);
		}
		return out;
	}

	/**
	 * Reads lazily from an iterator of records, for example a blocking read session.
	 * @param records the records, in order
	 * @return the messages and failures, in order
	 */
	public Iterator<ReadOutcome<T>> readRecords(Iterator<SequencedRecord> records) {
		return new DecodingIterator<SequencedRecord, T>(records, (record) -> read(record));
	}

	/**
	 * Reads lazily from an iterator of batches.
	 * @param batches the batches, in order
	 * @return the messages and failures, in order
	 */
	public Iterator<ReadOutcome<T>> readBatches(Iterator<ReadBatch> batches) {
		return new DecodingIterator<ReadBatch, T>(batches, (batch) -> read(batch));
	}

	/**
	 * Reads from a publisher of batches, for example a read session. Demand is passed on:
	 * one batch is requested at a time, when the subscriber wants more. A
	 * {@link FrameSizeException} cancels the upstream and errors the subscriber.
	 * @param batches the batches
	 * @return a publisher of messages and failures, for one subscriber
	 */
	public Flow.Publisher<ReadOutcome<T>> readBatches(Flow.Publisher<ReadBatch> batches) {
		return new DecodingPublisher<ReadBatch, T>(batches, (batch) -> read(batch));
	}

	/**
	 * Reads from a publisher of records.
	 * @param records the records
	 * @return a publisher of messages and failures, for one subscriber
	 */
	public Flow.Publisher<ReadOutcome<T>> readRecords(Flow.Publisher<SequencedRecord> records) {
		return new DecodingPublisher<SequencedRecord, T>(records, (record) -> read(record));
	}

	/**
	 * How many records the dedupe filter dropped so far.
	 * @return the number of duplicate records
	 */
	public long duplicatesDropped() {
		return this.duplicates;
	}

	private void read(SequencedRecord record, List<ReadOutcome<T>> out) {
		ReservedHeaders headers;
		try {
			headers = ReservedHeaders.parse(record.headers());
		}
		catch (MalformedHeaderException ex) {
			out.add(new Failure<>(Reason.MALFORMED_HEADER, ex.getMessage() + "; record skipped", record.seqNum(),
					record.seqNum(), ex));
			return;
		}
		if (this.options.dedupe() && !this.dedupe.accept(headers)) {
			this.duplicates++;
			return;
		}
		for (ReadOutcome<byte[]> outcome : this.assembler.push(record, headers)) {
			if (outcome instanceof Message<byte[]> message) {
				out.add(deserialize(message));
			}
			else if (outcome instanceof Failure<byte[]> failure) {
				out.add(failure.retype());
			}
		}
	}

	private ReadOutcome<T> deserialize(Message<byte[]> message) {
		try {
			T value = this.serializer.deserialize(message.value());
			return new Message<>(value, message.seqNum(), message.lastSeqNum(), message.timestamp(), message.records(),
					message.bytes(), message.writerId());
		}
		catch (RuntimeException ex) {
			return new Failure<>(
					Reason.DESERIALIZATION_FAILED, "Cannot deserialize the message of " + message.bytes()
							+ " bytes at seq num " + message.seqNum() + ": " + ex.getMessage(),
					message.seqNum(), message.lastSeqNum(), ex);
		}
	}

}
