package io.github.s2spring.client.data;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.client.error.S2Exception;
import io.github.s2spring.protocol.StreamPosition;

/**
 * A snapshot of an append or read session, safe to take from any thread: where the
 * session is, how many times it reconnected, and its counters. Counters that do not apply
 * to a session's kind are zero ({@code -1} for {@code nextSeqNum}).
 *
 * @param phase where the session is
 * @param attempt the current or last connection attempt, counted from 1 since the last
 * successful connect; 0 before the first
 * @param lastFailure the failure that ended the last stream or attempt, or {@code null}
 * @param reconnects how many times the session connected again after its first stream
 * @param inflightBatches append: batches admitted and not yet acknowledged
 * @param inflightBytes append: metered bytes of those batches
 * @param queuedBatches append: batches waiting for admission
 * @param ackedBatches append: batches acknowledged
 * @param nextSeqNum read: the sequence number the session reads next, {@code -1} until
 * known
 * @param recordsDelivered read: records handed to the subscriber
 * @param bytesDelivered read: metered bytes of those records
 * @param caughtUp read: whether every record up to the last observed tail was delivered
 * @param lastTail read: the tail seen last, or {@code null}
 */
public record SessionState(Phase phase, int attempt, @Nullable S2Exception lastFailure, long reconnects,
		int inflightBatches, long inflightBytes, int queuedBatches, long ackedBatches, long nextSeqNum,
		long recordsDelivered, long bytesDelivered, boolean caughtUp, @Nullable StreamPosition lastTail) {

	/**
	 * Where a session is.
	 */
	public enum Phase {

		/** No HTTP/2 stream and none wanted yet (an append session opens one lazily). */
		IDLE,

		/** An HTTP/2 stream is being opened. */
		CONNECTING,

		/** The server accepted the session's current stream. */
		CONNECTED,

		/** Waiting to connect again after the stream ended or failed. */
		RECONNECTING,

		/** Failed for good. */
		FAILED,

		/** Closed by its caller or, for a read session, done with its limits. */
		CLOSED;

		/**
		 * Whether the session is over.
		 * @return whether failed or closed
		 */
		public boolean isTerminal() {
			return this == FAILED || this == CLOSED;
		}

	}

}
