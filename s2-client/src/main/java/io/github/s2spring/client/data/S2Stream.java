package io.github.s2spring.client.data;

import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.client.error.FencingTokenMismatchException;
import io.github.s2spring.client.error.RangeNotSatisfiableException;
import io.github.s2spring.client.error.S2Exception;
import io.github.s2spring.protocol.StreamPosition;

/**
 * A stream of a basin: unary append, read and check-tail (each blocking and
 * asynchronous), fence and trim commands, and append and read sessions. Obtained from
 * {@code S2Basin.stream(name)}; cheap, holds no resources of its own. Failures are
 * {@link S2Exception}s; blocking calls throw them, asynchronous ones complete their
 * future with them.
 */
public interface S2Stream {

	/**
	 * The basin name.
	 * @return the basin
	 */
	String basin();

	/**
	 * The stream name.
	 * @return the name
	 */
	String name();

	/**
	 * Appends a batch and waits for its acknowledgement.
	 * @param batch the batch
	 * @return the acknowledgement
	 * @throws S2Exception if the append failed (after the retries the policy allows)
	 */
	AppendAck append(AppendBatch batch);

	/**
	 * Appends a batch.
	 * @param batch the batch
	 * @return the acknowledgement, or a failure with an {@link S2Exception}
	 */
	CompletableFuture<AppendAck> appendAsync(AppendBatch batch);

	/**
	 * Reads one batch (at most 1000 records and 1 MiB).
	 * @param options where to start and when to stop
	 * @return the batch, possibly empty
	 * @throws S2Exception if the read failed, for example
	 * {@link io.github.s2spring.client.error.RangeNotSatisfiableException}
	 */
	ReadBatch read(ReadOptions options);

	/**
	 * Reads one batch.
	 * @param options where to start and when to stop
	 * @return the batch, or a failure with an {@link S2Exception}
	 */
	CompletableFuture<ReadBatch> readAsync(ReadOptions options);

	/**
	 * The stream's tail: the next sequence number and the last record's timestamp.
	 * @return the tail
	 * @throws S2Exception if the call failed
	 */
	StreamPosition checkTail();

	/**
	 * The stream's tail.
	 * @return the tail, or a failure with an {@link S2Exception}
	 */
	CompletableFuture<StreamPosition> checkTailAsync();

	/**
	 * Sets the stream's fencing token with a fence command record.
	 * @param newToken the new token (at most 36 bytes; empty removes the fence)
	 * @param currentToken the current token, required if the stream is fenced
	 * @return the acknowledgement
	 * @throws S2Exception if the command failed, for example
	 * {@link io.github.s2spring.client.error.FencingTokenMismatchException}
	 */
	AppendAck fence(String newToken, @Nullable String currentToken);

	/**
	 * Sets the stream's fencing token with a fence command record.
	 * @param newToken the new token (at most 36 bytes; empty removes the fence)
	 * @param currentToken the current token, required if the stream is fenced
	 * @return the acknowledgement, or a failure with an {@link S2Exception}
	 */
	CompletableFuture<AppendAck> fenceAsync(String newToken, @Nullable String currentToken);

	/**
	 * Trims the stream: records before the trim point are eventually deleted.
	 * @param trimPoint the first sequence number to keep
	 * @return the acknowledgement
	 * @throws S2Exception if the command failed
	 */
	AppendAck trim(long trimPoint);

	/**
	 * Trims the stream: records before the trim point are eventually deleted.
	 * @param trimPoint the first sequence number to keep
	 * @return the acknowledgement, or a failure with an {@link S2Exception}
	 */
	CompletableFuture<AppendAck> trimAsync(long trimPoint);

	/**
	 * Opens an append session with default options. The HTTP/2 stream opens with the
	 * first batch.
	 * @return the session
	 */
	AppendSession appendSession();

	/**
	 * Opens an append session.
	 * @param options the session options
	 * @return the session
	 */
	AppendSession appendSession(AppendSessionOptions options);

	/**
	 * Opens a read session: batches of records that resume after failures.
	 * @param options where to start and when to stop
	 * @return the session
	 */
	ReadSession readSession(ReadOptions options);

	/**
	 * Opens a read session with session options: where its callbacks run, a listener of
	 * its events, its heartbeat timeout.
	 * @param options where to start and when to stop
	 * @param sessionOptions the session options
	 * @return the session
	 */
	ReadSession readSession(ReadOptions options, ReadSessionOptions sessionOptions);

}
