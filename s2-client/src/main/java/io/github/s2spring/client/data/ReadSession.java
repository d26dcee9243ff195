package io.github.s2spring.client.data;

import java.util.Iterator;
import java.util.concurrent.Flow;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.client.error.S2Exception;
import io.github.s2spring.protocol.StreamPosition;

/**
 * A read session: batches of records in order, in one of three forms, chosen once per
 * session: a {@link Flow.Publisher} (one subscriber), a blocking iterator of
 * {@link #records()}, or a blocking reader of {@link #batches()}. Demand drives the
 * HTTP/2 stream: frames are read from the connection only while the consumer wants
 * batches, so a slow reader slows the server through flow control instead of filling the
 * heap.
 * <p>
 * If nothing arrives (not even a heartbeat) within the heartbeat timeout, or the
 * connection breaks, or the server fails with a retryable error, the session reconnects
 * from the sequence number after the last record received, with {@code count} and
 * {@code bytes} reduced by what was received, so nothing is lost or repeated. Heartbeats
 * are not published; they only update {@link #lastObservedTail()} and
 * {@link #isCaughtUp()}.
 */
public interface ReadSession extends Flow.Publisher<ReadBatch>, AutoCloseable {

	/**
	 * A blocking iterator over the session's records. {@code hasNext()} waits for the
	 * next record and throws the {@link S2Exception} that ended the session, if any. Call
	 * at most once, instead of {@link #batches()} or {@link #subscribe}.
	 * @return the iterator
	 */
	Iterator<SequencedRecord> records();

	/**
	 * A blocking reader of whole batches. Call at most once, instead of
	 * {@link #records()} or {@link #subscribe}.
	 * @return the reader
	 */
	RecordReader batches();

	/**
	 * Whether the session has delivered every record up to the tail it last observed.
	 * @return whether caught up
	 */
	boolean isCaughtUp();

	/**
	 * The tail seen in the most recent heartbeat or live batch.
	 * @return the tail, or {@code null} if none was seen yet
	 */
	@Nullable StreamPosition lastObservedTail();

	/**
	 * Stops the session: the HTTP/2 stream is cancelled and the consumer completes.
	 */
	@Override
	void close();

}
