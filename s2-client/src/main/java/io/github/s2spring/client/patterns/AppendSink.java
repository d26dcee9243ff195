package io.github.s2spring.client.patterns;

import java.util.concurrent.CompletableFuture;

import io.github.s2spring.client.data.AppendAck;
import io.github.s2spring.client.data.AppendBatch;
import io.github.s2spring.client.data.AppendSession;
import io.github.s2spring.client.error.FencingTokenMismatchException;
import io.github.s2spring.client.error.ValidationException;
import io.github.s2spring.protocol.limits.Names;

/**
 * Where a {@link SerializingAppendSession} sends its batches: usually an append session
 * of one stream, for example {@code session::submit}.
 * <p>
 * A sink must write batches in the order it is given them, and complete each future once
 * its batch is durable (or has failed). A batch given again after a failure is the same
 * object with the same records.
 * <p>
 * An {@link AppendSession} is such a sink ({@link #of(AppendSession)}): it resends the
 * batches it has not had acknowledged, in order and byte for byte, when it reconnects.
 */
@FunctionalInterface
public interface AppendSink {

	/**
	 * Appends one batch.
	 * @param batch the batch, within S2's batch limits
	 * @return the acknowledgement, or the failure
	 */
	CompletableFuture<AppendAck> append(AppendBatch batch);

	/**
	 * This sink with a fencing token on every batch: once another writer fences the
	 * stream with a different token, every batch fails with a
	 * {@link io.github.s2spring.client.error.FencingTokenMismatchException} and nothing
	 * more is written.
	 * @param fencingToken the token this writer holds, at most 36 bytes
	 * @return the fenced sink
	 * @throws io.github.s2spring.client.error.ValidationException if the token is too
	 * long
	 */
	default AppendSink fenced(String fencingToken) {
		ValidationException.check(() -> Names.requireFencingToken(fencingToken));
		return (batch) -> append(batch.withFencingToken(fencingToken));
	}

	/**
	 * A sink that appends through an append session.
	 * @param session the session of the stream to write
	 * @return the sink
	 */
	static AppendSink of(AppendSession session) {
		return (batch) -> session.appendAsync(batch);
	}

}
