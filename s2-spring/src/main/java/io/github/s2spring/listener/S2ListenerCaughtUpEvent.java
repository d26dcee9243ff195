package io.github.s2spring.listener;

/**
 * A listener has delivered every message of a stream up to the tail it saw when it
 * started (or sought): what follows is live. Published once per start of each stream.
 */
public class S2ListenerCaughtUpEvent extends S2ListenerStreamEvent {

	private static final long serialVersionUID = 1L;

	private final long tail;

	/**
	 * Creates an event.
	 * @param source the container
	 * @param listenerId the listener id
	 * @param basin the basin
	 * @param stream the stream
	 * @param tail the seq num of the tail reached: the next record appended gets it
	 */
	public S2ListenerCaughtUpEvent(Object source, String listenerId, String basin, String stream, long tail) {
		super(source, listenerId, basin, stream);
		this.tail = tail;
	}

	/**
	 * The tail reached.
	 * @return its seq num
	 */
	public long getTail() {
		return this.tail;
	}

	@Override
	public String toString() {
		return "S2ListenerCaughtUpEvent[" + describe() + ", tail=" + this.tail + "]";
	}

}
