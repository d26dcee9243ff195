package io.github.s2spring.listener;

import java.util.List;

import io.github.s2spring.core.S2ReceivedMessage;

/**
 * What a listener container delivers to: messages of one stream as bytes with their
 * metadata, in stream order. Record listeners receive one message per call, batch
 * listeners ({@link S2ContainerProperties#setBatch(boolean)}) the messages of one read
 * batch. Calls for one stream never overlap; calls for different streams may run at the
 * same time on different threads.
 * <p>
 * Implemented by the adapters of {@code @S2Listener} methods and of
 * {@link io.github.s2spring.core.S2MessageListener}s; implement it to receive raw bytes.
 */
@FunctionalInterface
public interface S2ContainerListener {

	/**
	 * Processes messages.
	 * @param messages one message, or the messages of a read batch
	 * @param acknowledgment commits their position when {@link AckMode#MANUAL} is used
	 * @throws Exception to have the messages retried or dead-lettered
	 */
	void onMessages(List<S2ReceivedMessage<byte[]>> messages, Acknowledgment acknowledgment) throws Exception;

}
