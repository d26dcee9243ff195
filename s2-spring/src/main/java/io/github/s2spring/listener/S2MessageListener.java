package io.github.s2spring.listener;

import io.github.s2spring.support.S2RecordMetadata;

/**
 * A programmatic listener: receives each message of a stream, converted to its type, in
 * order. An exception goes to the container's {@link S2ErrorHandler}.
 *
 * @param <T> the payload type
 */
@FunctionalInterface
public interface S2MessageListener<T> {

	/**
	 * Processes one message.
	 * @param message the payload
	 * @param metadata where it came from
	 * @throws Exception to have the message retried or dead-lettered
	 */
	void onMessage(T message, S2RecordMetadata metadata) throws Exception;

}
