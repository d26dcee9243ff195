package io.github.s2spring.config;

import io.github.s2spring.core.S2MessageListener;
import io.github.s2spring.core.S2Subscriber;
import io.github.s2spring.core.S2Subscription;
import io.github.s2spring.listener.S2ListenerContainer;
import io.github.s2spring.support.S2StartPosition;

/**
 * Creates listener containers: for the endpoints of {@code @S2Listener} methods, and for
 * programmatic listeners (as the {@link S2Subscriber} behind
 * {@link io.github.s2spring.core.S2Operations#listen}).
 *
 * @see DefaultS2ListenerContainerFactory
 */
public interface S2ListenerContainerFactory extends S2Subscriber {

	/**
	 * Creates a container for an endpoint; the registry starts it.
	 * @param endpoint the endpoint
	 * @return the container, not started
	 */
	S2ListenerContainer createListenerContainer(S2ListenerEndpoint endpoint);

	/**
	 * Starts a programmatic listener on one stream: cheap to create and to stop, it
	 * shares the factory's threads and the client's connections. Its positions are not
	 * stored.
	 * @param <T> the payload type
	 * @param basin the basin
	 * @param stream the stream, which may not exist yet
	 * @param type the payload type
	 * @param from where to start: beginning, tail, a seq num or a timestamp
	 * @param listener receives the messages in order
	 * @return the running subscription
	 */
	<T> S2Subscription listen(String basin, String stream, Class<T> type, S2StartPosition from,
			S2MessageListener<T> listener);

	@Override
	default <T> S2Subscription subscribe(String basin, String stream, Class<T> type, S2StartPosition from,
			S2MessageListener<T> listener) {
		return listen(basin, stream, type, from, listener);
	}

}
