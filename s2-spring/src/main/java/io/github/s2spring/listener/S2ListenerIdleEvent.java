package io.github.s2spring.listener;

import java.time.Duration;

/**
 * No message reached a listener for a while
 * ({@link S2ContainerProperties#setIdleEventInterval}). Published again at every interval
 * while the listener stays idle.
 */
public class S2ListenerIdleEvent extends S2ListenerEvent {

	private static final long serialVersionUID = 1L;

	private final Duration idleTime;

	/**
	 * Creates an event.
	 * @param source the container
	 * @param listenerId the listener id
	 * @param idleTime how long no message arrived
	 */
	public S2ListenerIdleEvent(Object source, String listenerId, Duration idleTime) {
		super(source, listenerId);
		this.idleTime = idleTime;
	}

	/**
	 * How long no message arrived.
	 * @return the idle time
	 */
	public Duration getIdleTime() {
		return this.idleTime;
	}

	@Override
	public String toString() {
		return "S2ListenerIdleEvent[listenerId=" + getListenerId() + ", idleTime=" + this.idleTime + "]";
	}

}
