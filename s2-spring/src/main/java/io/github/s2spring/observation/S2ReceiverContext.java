package io.github.s2spring.observation;

import io.micrometer.observation.transport.ReceiverContext;

import io.github.s2spring.support.S2RecordMetadata;

/**
 * The context of a listener delivery: the listener id and the message's metadata, from
 * whose headers tracing reads the propagation fields written by the sender, so that one
 * trace spans the send and the delivery.
 */
public class S2ReceiverContext extends ReceiverContext<S2RecordMetadata> {

	private final String listenerId;

	/**
	 * Creates a context.
	 * @param listenerId the listener id
	 * @param metadata the message's metadata
	 */
	public S2ReceiverContext(String listenerId, S2RecordMetadata metadata) {
		super((carrier, key) -> carrier.headers().get(key));
		setCarrier(metadata);
		setRemoteServiceName("S2");
		this.listenerId = listenerId;
	}

	/**
	 * The listener id.
	 * @return the id
	 */
	public String getListenerId() {
		return this.listenerId;
	}

	/**
	 * The message's metadata.
	 * @return the metadata
	 */
	public S2RecordMetadata getMetadata() {
		S2RecordMetadata metadata = getCarrier();
		if (metadata == null) {
			throw new IllegalStateException("No metadata");
		}
		return metadata;
	}

}
