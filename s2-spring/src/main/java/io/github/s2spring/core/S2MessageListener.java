package io.github.s2spring.core;

import io.github.s2spring.support.S2RecordMetadata;

/**
 * Receives the messages of a programmatic listener ({@link S2Operations#listen}), in
 * order, one at a time.
 *
 * @param <T> the payload type
 */
@FunctionalInterface
public interface S2MessageListener<T> {

	/**
	 * Handles one message. A thrown exception goes to the listener's error handling
	 * (retries with backoff, then the dead-letter stream, by configuration).
	 * @param message the payload
	 * @param metadata where it came from
	 * @throws Exception if the message could not be handled
	 */
	void onMessage(T message, S2RecordMetadata metadata) throws Exception;

}
