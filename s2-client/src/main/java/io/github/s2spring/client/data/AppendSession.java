package io.github.s2spring.client.data;

import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.client.error.S2Exception;

/**
 * A pipelined append session on one HTTP/2 stream. Batches are sent as soon as they are
 * admitted, acknowledgements are matched in order, and unacknowledged batches are bounded
 * in bytes and count ({@link AppendSessionOptions}): {@link #submit(AppendBatch)}
 * completes only when there is room, so callers that wait for it are slowed down instead
 * of buffering without bound.
 * <p>
 * On a retryable failure (connection lost, acknowledgement timeout, retryable error) the
 * session reconnects with backoff and resends every unacknowledged batch in order, as the
 * append retry policy allows; on any other failure every pending batch fails with the
 * typed error and the session is done. Thread-safe.
 */
public interface AppendSession extends AutoCloseable {

	/**
	 * Submits a batch. The returned future completes once the batch fits within the
	 * inflight bounds; its ticket's {@link AppendTicket#ack()} completes when S2 has made
	 * the batch durable.
	 * @param batch the batch
	 * @return the ticket, once admitted
	 */
	CompletableFuture<AppendTicket> submit(AppendBatch batch);

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
	 * Closes the session once every submitted batch is acknowledged, ending the request
	 * stream.
	 * @return completes when closed; fails if the session failed
	 */
	CompletableFuture<Void> closeAsync();

	/**
	 * Closes the session, waiting for outstanding acknowledgements.
	 * @throws S2Exception if the session failed
	 */
	@Override
	void close();

	/**
	 * The failure that ended the session, if any.
	 * @return the failure, or {@code null}
	 */
	@Nullable S2Exception failure();

}
