package io.github.s2spring.client.data;

import java.time.Duration;

import io.github.s2spring.client.error.S2Exception;
import io.github.s2spring.protocol.StreamPosition;

/**
 * What happened to an append or read session, told to its {@link SessionListener} in the
 * order it happened. Attempts are counted from 1 since the session's start or its last
 * successful connect: {@code Connecting(1)} opens the first HTTP/2 stream,
 * {@code Reconnecting(2, …)} announces the first retry after that stream ended.
 */
public sealed interface SessionEvent {

	/**
	 * An HTTP/2 stream is being opened.
	 *
	 * @param attempt the attempt, from 1
	 */
	record Connecting(int attempt) implements SessionEvent {
	}

	/**
	 * The server accepted the session (a 200 response); the attempt count starts over.
	 *
	 * @param attempt the attempt that succeeded
	 */
	record Connected(int attempt) implements SessionEvent {
	}

	/**
	 * The session's stream ended or could not be opened, for a reason worth retrying; the
	 * session connects again after a delay.
	 *
	 * @param attempt the attempt about to be made, from 2
	 * @param delay the delay before it (zero when the server advised the reconnect)
	 * @param cause why the previous stream ended
	 */
	record Reconnecting(int attempt, Duration delay, S2Exception cause) implements SessionEvent {
	}

	/**
	 * A read session delivered every record up to the tail it observed: it now follows
	 * the tail. Told once each time the session becomes caught up (again after a
	 * reconnect or after records that were not yet at the tail).
	 *
	 * @param tail the tail observed
	 */
	record CaughtUp(StreamPosition tail) implements SessionEvent {
	}

	/**
	 * The session failed for good: a failure retrying cannot fix, or the retry policy
	 * gave up. The last event of the session.
	 *
	 * @param cause the failure
	 */
	record Failed(S2Exception cause) implements SessionEvent {
	}

	/**
	 * The session ended because its caller closed it or, for a read session, its limits
	 * were reached. The last event of the session.
	 */
	record Closed() implements SessionEvent {
	}

}
