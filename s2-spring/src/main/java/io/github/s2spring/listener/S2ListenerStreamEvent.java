package io.github.s2spring.listener;

/**
 * An event of a listener container about one of its streams.
 */
public abstract class S2ListenerStreamEvent extends S2ListenerEvent {

	private static final long serialVersionUID = 1L;

	private final String basin;

	private final String stream;

	/**
	 * Creates an event.
	 * @param source the container
	 * @param listenerId the listener id
	 * @param basin the basin
	 * @param stream the stream
	 */
	protected S2ListenerStreamEvent(Object source, String listenerId, String basin, String stream) {
		super(source, listenerId);
		this.basin = basin;
		this.stream = stream;
	}

	/**
	 * The basin.
	 * @return the basin
	 */
	public String getBasin() {
		return this.basin;
	}

	/**
	 * The stream.
	 * @return the stream
	 */
	public String getStream() {
		return this.stream;
	}

	/**
	 * The listener and stream, for {@code toString()}.
	 * @return {@code listenerId=…, stream=basin/stream}
	 */
	protected String describe() {
		return "listenerId=" + getListenerId() + ", stream=" + this.basin + "/" + this.stream;
	}

}
