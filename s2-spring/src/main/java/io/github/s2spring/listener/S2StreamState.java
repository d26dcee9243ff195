package io.github.s2spring.listener;

import org.jspecify.annotations.Nullable;

/**
 * A snapshot of how a listener reads one stream, for health indicators, metrics and
 * endpoints.
 *
 * @param basin the basin
 * @param stream the stream
 * @param phase what the reader is doing
 * @param attempt the reconnection attempt under way (0 unless reconnecting or waiting)
 * @param lastFailure the failure that caused the latest reconnection, wait or failure, or
 * {@code null}
 * @param position the next seq num the listener reads, or -1 before it is known
 * @param lastTail the latest tail seen, or -1 before one is seen
 * @param lag records between the position and the tail seen (0 when either is unknown)
 * @param committed the latest position committed to the position store, or -1
 * @param messagesDelivered messages the listener processed
 * @param recordsDelivered records received
 * @param bytesDelivered metered bytes received
 * @param reconnects reconnections made
 * @param errors failed deliveries and dropped frames
 * @param recovered messages handed to the recoverer (published to the dead-letter stream)
 */
public record S2StreamState(String basin, String stream, Phase phase, int attempt, @Nullable Throwable lastFailure,
		long position, long lastTail, long lag, long committed, long messagesDelivered, long recordsDelivered,
		long bytesDelivered, long reconnects, long errors, long recovered) {

	/**
	 * What a stream's reader is doing.
	 */
	public enum Phase {

		/** Finding its start position and opening its session. */
		STARTING,

		/** Reading: the session is open. */
		CONNECTED,

		/** The session failed and reopens after a delay. */
		RECONNECTING,

		/** The stream does not exist (yet); its existence is checked with back-off. */
		WAITING,

		/** Delivery is paused; the session stays open. */
		PAUSED,

		/** Reading stopped for good after a permanent failure. */
		FAILED,

		/** The container stopped. */
		STOPPED

	}

}
