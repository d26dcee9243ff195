package io.github.s2spring.listener;

import java.time.Duration;

/**
 * A listener's read session of a stream failed and reopens after a delay, from the seq
 * num after the last record it received.
 */
public class S2ListenerReconnectingEvent extends S2ListenerStreamEvent {

	private static final long serialVersionUID = 1L;

	private final int attempt;

	private final Duration delay;

	private final Throwable cause;

	/**
	 * Creates an event.
	 * @param source the container
	 * @param listenerId the listener id
	 * @param basin the basin
	 * @param stream the stream
	 * @param attempt the attempt about to be made, counted from the session's last
	 * successful connect
	 * @param delay the delay before it
	 * @param cause why the session failed
	 */
	public S2ListenerReconnectingEvent(Object source, String listenerId, String basin, String stream, int attempt,
			Duration delay, Throwable cause) {
		super(source, listenerId, basin, stream);
		this.attempt = attempt;
		this.delay = delay;
		this.cause = cause;
	}

	/**
	 * The attempt about to be made, counted from the session's last successful connect.
	 * @return the attempt
	 */
	public int getAttempt() {
		return this.attempt;
	}

	/**
	 * The delay before the attempt.
	 * @return the delay
	 */
	public Duration getDelay() {
		return this.delay;
	}

	/**
	 * Why the session failed.
	 * @return the cause
	 */
	public Throwable getCause() {
		return this.cause;
	}

	@Override
	public String toString() {
		return "S2ListenerReconnectingEvent[" + describe() + ", attempt=" + this.attempt + ", delay=" + this.delay
				+ ", cause=" + this.cause + "]";
	}

}
