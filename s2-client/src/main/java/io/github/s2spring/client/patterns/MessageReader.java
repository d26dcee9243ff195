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
 * then the {@link FrameAssembler}, and every complete message through the deserializer,
 * with the headers of its first record (the patterns headers removed). Command records
 * (fence, trim) are not messages and are skipped.
 * <p>
 * One form per use: {@link #read(ReadBatch)} for any batch (a unary read, or batches you
 * already have), {@link #iterate(ReadSession)} to block on a session,
 * {@link #publish(ReadSession)} for a session's demand-driven publisher. A
 * deserialization error, a dropped frame or a malformed header becomes a {@link Failure}
 * and the stream goes on; only a {@link FrameSizeException} stops it. Not thread-safe:
 * one reader per stream being read, used by one form.
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
	 * Reads the next batch of the stream, for example the result of a unary read (a
	 * heartbeat gives nothing). A message whose records span batches comes out of the
	 * batch that holds its last record.
	 * @param batch the batch
	 * @return the messages and failures, in order
	 * @throws FrameSizeException if a record starts a frame over the limit
	 */
	public List<ReadOutcome<T>> read(ReadBatch batch) {
		List<ReadOutcome<T>> out = new ArrayList<>();
		for (SequencedRecord record : batch.records()) {
			read(record, out);
		}
		return out;
	}

	/**
	 * Reads a read session as a blocking iterator, over its {@link ReadSession#batches()}
	 * (so call it instead of the session's other forms). {@code hasNext()} waits for the
	 * next message, returns {@code false} once the session ended, and throws the
	 * session's {@link io.github.s2spring.client.error.S2Exception} if it failed, or a
	 * {@link FrameSizeException}. Closing the session stays the caller's business.
	 * @param session the session
	 * @return the messages and failures, in order
	 */
	public Iterator<ReadOutcome<T>> iterate(ReadSession session) {
		return new DecodingIterator<>(session.batches(), this::read);
	}

	/**
	 * Reads a read session as a publisher of messages, for one subscriber, with the
	 * session's back-pressure: a batch is requested from the session only when the
	 * subscriber wants more and nothing decoded is waiting. A {@link FrameSizeException}
	 * cancels the session's subscription and errors the subscriber. Items are delivered
	 * on the thread that delivers the session's batches.
	 * @param session the session
	 * @return a publisher of messages and failures, for one subscriber
	 */
	public Flow.Publisher<ReadOutcome<T>> publish(ReadSession session) {
		return new DecodingPublisher<>(session, this::read);
	}

	/**
	 * How many records the dedupe filter dropped so far.
	 * @return the number of duplicate records
	 */
	public long duplicatesDropped() {
		return this.duplicates;
	}

	private void read(SequencedRecord record, List<ReadOutcome<T>> out) {
		if (record.isCommand()) {
			return;
		}
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
			T value = this.serializer.deserialize(message.value(), message.headers());
			return new Message<>(value, message.headers(), message.seqNum(), message.lastSeqNum(), message.timestamp(),
					message.records(), message.bytes(), message.writerId());
		}
		catch (RuntimeException ex) {
			return new Failure<>(
					Reason.DESERIALIZATION_FAILED, "Cannot deserialize the message of " + message.bytes()
							+ " bytes at seq num " + message.seqNum() + ": " + ex.getMessage(),
					message.seqNum(), message.lastSeqNum(), ex);
		}
	}

}
