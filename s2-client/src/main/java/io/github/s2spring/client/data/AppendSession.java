package io.github.s2spring.client.data;

import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.client.error.OverloadedException;
import io.github.s2spring.client.error.S2Exception;

/**
 * A pipelined append session on one HTTP/2 stream. Batches are sent as soon as they are
 * admitted and acknowledgements are matched in order.
 * <p>
 * <b>Bounded.</b> Admitted batches are bounded in metered bytes and count, and the
 * batches waiting for admission in number ({@link AppendSessionOptions}):
 * {@link #submit(AppendBatch)} completes on admission and fails at once with an
 * {@link OverloadedException} when the waiting queue is full; {@link #trySubmit} admits
 * now or refuses. A batch is encoded into its frame (direct memory) only once admitted.
 * <p>
 * <b>Never stops on its own.</b> On a retryable failure (connection lost or reset,
 * GOAWAY, the server ending the stream, an acknowledgement timeout, a retryable error)
 * the session reconnects as the client's
 * {@link io.github.s2spring.client.config.S2ClientConfig#sessionRetryPolicy() session
 * retry policy} allows (by default without limit, attempts counted from the last
 * successful connect) and resends every unacknowledged batch in order, as the append
 * retry policy allows. A failure retrying cannot fix (fencing token or sequence number
 * mismatch, not found, permission denied, invalid) fails every pending batch with its
 * typed exception and ends the session.
 * <p>
 * <b>Observable.</b> {@link #state()} is a snapshot safe to take from any thread;
 * {@link SessionEvent}s go to the options' listener. Acknowledgements complete, one at a
 * time and in order, on the completion executor (the client's delivery executor by
 * default), never on the event loop unless asked. Thread-safe; from one thread, batches
 * are sent in the order they were submitted.
 */
public interface AppendSession extends AutoCloseable {

	/**
	 * Submits a batch. The returned future completes once the batch is admitted (at once
	 * if it fits within the inflight bounds, else when acknowledgements make room); its
	 * ticket's {@link AppendTicket#ack()} completes when S2 has made the batch durable.
	 * @param batch the batch
	 * @return the ticket, once admitted; fails at once with an
	 * {@link OverloadedException} if the batch would have to wait and the waiting queue
	 * is full (nothing was queued), or with the failure that ended the session
	 */
	CompletableFuture<AppendTicket> submit(AppendBatch batch);

	/**
	 * Submits a batch only if it is admitted at once: it fits within the inflight bounds
	 * and no batch waits before it.
	 * @param batch the batch
	 * @return the ticket
	 * @throws OverloadedException if the batch is not admitted now (nothing was queued)
	 * @throws S2Exception if the session failed or is closed
	 */
	AppendTicket trySubmit(AppendBatch batch);

	/**
	 * Submits a batch and returns its acknowledgement.
	 * @param batch the batch
	 * @return the acknowledgement, or a failure with an {@link S2Exception}
	 */
	CompletableFuture<AppendAck> appendAsync(AppendBatch batch);

	/**
	 * Appends a batch and waits for its acknowledgement (and, first, for room).
	 * @param batch the batch
	 * @return the acknowledgement
	 * @throws S2Exception if the batch failed
	 */
	AppendAck append(AppendBatch batch);

	/**
	 * Closes the session: new batches are refused, and once every batch submitted before
	 * is acknowledged the request stream ends.
	 * @return completes once every submitted batch is acknowledged and the HTTP/2 stream
	 * is gone; fails if the session failed
	 */
	CompletableFuture<Void> closeAsync();

	/**
	 * Closes the session, waiting for outstanding acknowledgements and the end of the
	 * HTTP/2 stream (unless called on the event loop, which it must not block).
	 * @throws S2Exception if the session failed
	 */
	@Override
	void close();

	/**
	 * The failure that ended the session, if any. Safe to call from any thread.
	 * @return the failure, or {@code null}
	 */
	@Nullable S2Exception failure();

	/**
	 * A snapshot of the session: phase, attempt, last failure, reconnects, and the
	 * batches and bytes in flight, waiting and acknowledged. Safe to call from any
	 * thread.
	 * @return the state
	 */
	SessionState state();

}
