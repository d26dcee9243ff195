package io.github.s2spring.listener;

/**
 * A listener stopped reading a stream for good (a permanent error such as a missing
 * permission, or reconnection attempts used up), or its container stopped because the
 * error handler said so after a failure on that stream.
 */
public class S2ListenerFailedEvent extends S2ListenerStreamEvent {

	private static final long serialVersionUID = 1L;

	private final Throwable cause;

	private final boolean containerStopped;

	/**
	 * Creates an event.
	 * @param source the container
	 * @param listenerId the listener id
	 * @param basin the basin
	 * @param stream the stream
	 * @param cause the failure
	 * @param containerStopped whether the whole container stops
	 */
	public S2ListenerFailedEvent(Object source, String listenerId, String basin, String stream, Throwable cause,
			boolean containerStopped) {
		super(source, listenerId, basin, stream);
		this.cause = cause;
		this.containerStopped = containerStopped;
	}

	/**
	 * The failure.
	 * @return the cause
	 */
	public Throwable getCause() {
		return this.cause;
	}

	/**
	 * Whether the container stops (otherwise only this stream's reading stopped).
	 * @return whether the container stops
	 */
	public boolean isContainerStopped() {
		return this.containerStopped;
	}

	@Override
	public String toString() {
		return "S2ListenerFailedEvent[" + describe() + ", containerStopped=" + this.containerStopped + ", cause="
				+ this.cause + "]";
	}

}
