package io.github.s2spring.listener;

import org.springframework.context.ApplicationEvent;

/**
 * An event of a listener container, published as a Spring {@link ApplicationEvent} on the
 * delivery thread of the stream it concerns.
 */
public abstract class S2ListenerEvent extends ApplicationEvent {

	private static final long serialVersionUID = 1L;

	private final String listenerId;

	/**
	 * Creates an event.
	 * @param source the container
	 * @param listenerId the listener id
	 */
	protected S2ListenerEvent(Object source, String listenerId) {
		super(source);
		this.listenerId = listenerId;
	}

	/**
	 * The id of the listener.
	 * @return the id
	 */
	public String getListenerId() {
		return this.listenerId;
	}

}
