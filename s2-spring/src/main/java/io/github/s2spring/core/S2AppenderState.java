package io.github.s2spring.core;

import org.jspecify.annotations.Nullable;

/**
 * A snapshot of one stream's appender, for health and metrics.
 *
 * @param basin the basin
 * @param stream the stream
 * @param phase what the appender's session is doing
 * @param attempt the reconnect attempt under way (0 when connected)
 * @param lastFailure the failure behind the last reconnect or the failure of the session,
 * if any
 * @param pendingSends sends waiting or in flight (not yet acknowledged)
 * @param inflightBytes metered bytes sent and not yet acknowledged
 * @param reconnects reconnects since the appender opened
 * @param sent messages acknowledged since the appender opened
 * @param failed messages failed since the appender opened
 */
public record S2AppenderState(String basin, String stream, Phase phase, int attempt, @Nullable Throwable lastFailure,
		int pendingSends, long inflightBytes, long reconnects, long sent, long failed) {

	/**
	 * What an appender's session is doing.
	 */
	public enum Phase {

		/** Opening: creating the stream or connecting for the first time. */
		CONNECTING,

		/** Connected, appending. */
		CONNECTED,

		/** Reconnecting after a retryable failure, with backoff. */
		RECONNECTING,

		/** Failed for good; the next send opens a new appender. */
		FAILED,

		/** Closed (idle or stopped). */
		CLOSED

	}

}
