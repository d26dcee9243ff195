package io.github.s2spring.listener.adapter;

import java.lang.reflect.Type;
import java.util.List;

import io.github.s2spring.core.S2ReceivedMessage;
import io.github.s2spring.listener.Acknowledgment;
import io.github.s2spring.listener.S2ContainerListener;
import io.github.s2spring.core.S2MessageListener;
import io.github.s2spring.support.S2MessageConverter;

/**
 * Delivers each message to an {@link S2MessageListener}, converted to its type. A message
 * that cannot be converted fails the delivery with an
 * {@link io.github.s2spring.support.S2ConversionException}.
 *
 * @param <T> the payload type
 */
public final class S2MessageListenerAdapter<T> implements S2ContainerListener {

	private final S2MessageListener<T> listener;

	private final Type type;

	private final S2MessageConverter converter;

	/**
	 * Creates an adapter.
	 * @param listener the listener
	 * @param type the payload type
	 * @param converter converts the message bytes
	 */
	public S2MessageListenerAdapter(S2MessageListener<T> listener, Class<T> type, S2MessageConverter converter) {
		this.listener = listener;
		this.type = type;
		this.converter = converter;
	}

	@Override
	@SuppressWarnings("unchecked")
	public void onMessages(List<S2ReceivedMessage<byte[]>> messages, Acknowledgment acknowledgment) throws Exception {
		for (S2ReceivedMessage<byte[]> message : messages) {
			T payload = (T) this.converter.fromBytes(message.payload(), message.metadata().headers(), this.type);
			this.listener.onMessage(payload, message.metadata());
		}
	}

}
