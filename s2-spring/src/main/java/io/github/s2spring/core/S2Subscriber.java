package io.github.s2spring.core;

import io.github.s2spring.support.S2StartPosition;

/**
 * Starts programmatic listeners for {@link S2Operations#listen}: the listener container
 * infrastructure implements it, so that the template can offer listening without
 * depending on it.
 */
@FunctionalInterface
public interface S2Subscriber {

	/**
	 * Starts a listener on one stream.
	 * @param <T> the payload type
	 * @param basin the basin
	 * @param stream the stream
	 * @param type the payload type
	 * @param from where to start
	 * @param listener receives the messages
	 * @return the running listener
	 */
	<T> S2Subscription subscribe(String basin, String stream, Class<T> type, S2StartPosition from,
			S2MessageListener<T> listener);

}
