package io.github.s2spring.client.data;

import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
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
 * <b>Ends only when its caller or its own limits say so.</b> The session ends when it is
 * closed (or its subscriber cancels), when its {@code count} or {@code bytes} are read,
 * or, unless the server advised a reconnect, when the server ends it with an
 * {@code until} or {@code wait} bound set (and, for {@code wait}, that long has passed
 * since the last records). Any other end (the server ending the stream, GOAWAY, a closed
 * or reset connection, silence beyond the heartbeat timeout, a retryable error) makes it
 * reconnect from the sequence number after the last record received, with {@code count}
 * and {@code bytes} reduced by what was received, so nothing is lost or repeated. A
 * session that started at the tail, a tail offset or a timestamp resumes from the first
 * absolute position it learned (the tail of its first heartbeat, or its first records),
 * never from a fresh tail. Reconnects follow the client's
 * {@link io.github.s2spring.client.config.S2ClientConfig#sessionRetryPolicy() session
 * retry policy} (by default without limit), with attempts counted from the last
 * successful connect; a failure retrying cannot fix (not found, permission denied, range
 * not satisfiable, invalid) fails the session at once. Server advice to reconnect is
 * followed at once, at most once a minute (as the official SDKs do).
 * <p>
 * <b>Delivery.</b> The subscriber's methods, the iterator's hand-off and the session's
 * {@link SessionEvent}s run one at a time and in order on the session's delivery executor
 * (see {@link ReadSessionOptions}), never on the Netty event loop unless asked.
 * Heartbeats are not published; they update {@link #lastObservedTail()} and
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
	 * The sequence number the session reads next: after the last record received, or the
	 * tail its first heartbeat named.
	 * @return the sequence number, or {@code -1} while the session knows no absolute
	 * position yet
	 */
	long nextSeqNum();

	/**
	 * A snapshot of the session: phase, attempt, last failure, reconnects, next sequence
	 * number, records and bytes delivered, caught up, last tail. Safe to call from any
	 * thread.
	 * @return the state
	 */
	SessionState state();

	/**
	 * Stops the session: the HTTP/2 stream is cancelled, batches not yet delivered are
	 * dropped and the subscriber completes.
	 * @return completes once the HTTP/2 stream is gone
	 */
	CompletableFuture<Void> closeAsync();

	/**
	 * Stops the session and waits until its HTTP/2 stream is gone (unless called on the
	 * event loop, which it must not block).
	 */
	@Override
	void close();

}
