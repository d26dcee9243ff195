package io.github.s2spring.config;

import io.github.s2spring.listener.S2ContainerListener;
import io.github.s2spring.support.S2MessageConverter;

/**
 * An endpoint with a listener given as an object, for endpoints registered
 * programmatically through an {@link io.github.s2spring.annotation.S2ListenerConfigurer}.
 */
public class SimpleS2ListenerEndpoint extends AbstractS2ListenerEndpoint {

	private final S2ContainerListener listener;

	/**
	 * Creates an endpoint.
	 * @param listener the listener
	 */
	public SimpleS2ListenerEndpoint(S2ContainerListener listener) {
		this.listener = listener;
	}

	@Override
	public S2ContainerListener createListener(S2MessageConverter converter, boolean batch) {
		return this.listener;
	}

}
