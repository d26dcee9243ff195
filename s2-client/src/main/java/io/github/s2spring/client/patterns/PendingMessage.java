package io.github.s2spring.client.patterns;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.client.data.AppendAck;
import io.github.s2spring.client.data.AppendRecord;
import io.github.s2spring.protocol.StreamPosition;

/**
 * A message a writer accepted and has not settled yet: where its records went (one part
 * per batch that holds some of them), which of those batches are acknowledged, and the
 * future of its caller. Guarded by the writer's lock.
 */
final class PendingMessage {

	final CompletableFuture<MessageAck> result = new CompletableFuture<>();

	final long bytes;

	final OptionalLong firstDedupeSeq;

	final List<Part> parts = new ArrayList<>(1);

	private int ackedParts;

	private @Nullable StreamPosition start;

	private @Nullable StreamPosition end;

	private @Nullable StreamPosition tail;

	/**
	 * Creates a pending message.
	 * @param bytes its serialized size
	 * @param firstDedupeSeq the {@code _dedupe_seq} of its first record, if any
	 */
	PendingMessage(long bytes, OptionalLong firstDedupeSeq) {
		this.bytes = bytes;
		this.firstDedupeSeq = firstDedupeSeq;
	}

	/**
	 * Takes the acknowledgement of a batch holding one part of this message. Records of
	 * one batch share S2's arrival timestamp, so the batch's timestamps are the records'.
	 * @param part the part
	 * @param ack the batch's acknowledgement
	 */
	void acknowledged(Part part, AppendAck ack) {
		long first = ack.start().seqNum() + part.offset;
		if (part == this.parts.get(0)) {
			this.start = new StreamPosition(first, ack.start().timestamp());
		}
		if (part == this.parts.get(this.parts.size() - 1)) {
			this.end = new StreamPosition(first + part.count, ack.end().timestamp());
			this.tail = ack.tail();
		}
		this.ackedParts++;
	}

	/**
	 * Whether every batch holding a part of this message is acknowledged.
	 * @return whether acknowledged
	 */
	boolean isAcknowledged() {
		return this.ackedParts == this.parts.size();
	}

	/**
	 * The acknowledgement of the whole message, once {@link #isAcknowledged()}.
	 * @return the acknowledgement
	 */
	MessageAck ack() {
		if (this.start == null || this.end == null || this.tail == null) {
			throw new IllegalStateException("The message is not acknowledged yet");
		}
		return new MessageAck(this.start, this.end, recordCount(), this.tail);
	}

	/**
	 * The message as it was sent: its records, read back from the sealed batches that
	 * hold them.
	 * @return the prepared message
	 */
	PreparedMessage prepared() {
		List<AppendRecord> records = new ArrayList<>(recordCount());
		for (Part part : this.parts) {
			records.addAll(part.batch.sealed().records().subList(part.offset, part.offset + part.count));
		}
		return new PreparedMessage(records, this.bytes, this.firstDedupeSeq);
	}

	private int recordCount() {
		int count = 0;
		for (Part part : this.parts) {
			count += part.count;
		}
		return count;
	}

	/**
	 * The records of a message that one batch holds: consecutive, from an offset.
	 */
	static final class Part {

		final PendingMessage message;

		final PackedBatch batch;

		final int offset;

		int count;

		Part(PendingMessage message, PackedBatch batch, int offset) {
			this.message = message;
			this.batch = batch;
			this.offset = offset;
		}

	}

}
