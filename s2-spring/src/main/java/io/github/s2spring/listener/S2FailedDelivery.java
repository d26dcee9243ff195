package io.github.s2spring.listener;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.core.S2ReceivedMessage;
import io.github.s2spring.support.S2RecordMetadata;

/**
 * A delivery the listener failed: the messages, the latest exception and how often they
 * were delivered. The same object is passed to the {@link S2ErrorHandler} after each
 * failed attempt at the same messages, so a handler may keep state in it.
 */
public final class S2FailedDelivery {

	private final String listenerId;

	private final List<S2ReceivedMessage<byte[]>> messages;

	private Throwable exception;

	private int attempts;

	private @Nullable Object state;

	/**
	 * Creates a failed delivery after its first attempt.
	 * @param listenerId the listener id
	 * @param messages the messages delivered, at least one
	 * @param exception what the listener threw
	 */
	public S2FailedDelivery(String listenerId, List<S2ReceivedMessage<byte[]>> messages, Throwable exception) {
		if (messages.isEmpty()) {
			throw new IllegalArgumentException("A failed delivery has at least one message");
		}
		this.listenerId = listenerId;
		this.messages = List.copyOf(messages);
		this.exception = exception;
		this.attempts = 1;
	}

	/**
	 * Records one more failed attempt.
	 * @param exception what the listener threw this time
	 */
	void failedAgain(Throwable exception) {
		this.exception = exception;
		this.attempts++;
	}

	/**
	 * The listener id.
	 * @return the id
	 */
	public String getListenerId() {
		return this.listenerId;
	}

	/**
	 * The messages, one unless the listener is a batch listener.
	 * @return the messages, in stream order
	 */
	public List<S2ReceivedMessage<byte[]>> getMessages() {
		return this.messages;
	}

	/**
	 * The metadata of the first message.
	 * @return the metadata
	 */
	public S2RecordMetadata getFirstMetadata() {
		return this.messages.get(0).metadata();
	}

	/**
	 * What the listener threw at the latest attempt.
	 * @return the exception
	 */
	public Throwable getException() {
		return this.exception;
	}

	/**
	 * How many times the messages were delivered and failed.
	 * @return 1 after the first failure
	 */
	public int getAttempts() {
		return this.attempts;
	}

	/**
	 * State an error handler keeps between attempts, such as its back-off execution.
	 * @return the state, or {@code null}
	 */
	public @Nullable Object getState() {
		return this.state;
	}

	/**
	 * Keeps state between attempts.
	 * @param state the state
	 */
	public void setState(@Nullable Object state) {
		this.state = state;
	}

	@Override
	public String toString() {
		S2RecordMetadata first = getFirstMetadata();
		return "listener '" + this.listenerId + "' on " + first.basin() + "/" + first.stream() + " at seq num "
				+ first.seqNum() + ((this.messages.size() > 1) ? " (" + this.messages.size() + " messages)" : "")
				+ ", attempt " + this.attempts;
	}

}
