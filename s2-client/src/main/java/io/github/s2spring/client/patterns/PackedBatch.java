package io.github.s2spring.client.patterns;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.client.data.AppendAck;
import io.github.s2spring.client.data.AppendBatch;

/**
 * One batch of a writer: open while the {@link BatchPacker} adds records to it, then
 * sealed into an {@link AppendBatch}, submitted once, and acknowledged. It knows which
 * parts of which messages it holds. Guarded by the writer's lock.
 */
final class PackedBatch {

	final List<PendingMessage.Part> parts = new ArrayList<>(1);

	int size;

	boolean lingerArmed;

	private @Nullable AppendBatch batch;

	private @Nullable AppendAck ack;

	/**
	 * The sealed batch.
	 * @return the batch
	 * @throws IllegalStateException if the batch is still open
	 */
	AppendBatch sealed() {
		if (this.batch == null) {
			throw new IllegalStateException("The batch is still open");
		}
		return this.batch;
	}

	void seal(AppendBatch sealed) {
		this.batch = sealed;
	}

	@Nullable AppendAck ack() {
		return this.ack;
	}

	/**
	 * Records the batch's acknowledgement; the writer hands it to the messages once every
	 * batch before this one is acknowledged too.
	 * @param ack the acknowledgement
	 */
	void acknowledged(AppendAck ack) {
		this.ack = ack;
	}

}
