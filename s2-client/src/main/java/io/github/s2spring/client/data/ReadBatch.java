package io.github.s2spring.client.data;

import java.util.List;

import org.jspecify.annotations.Nullable;
import s2.v1.SequencedRecord;

import io.github.s2spring.protocol.StreamPosition;
import io.github.s2spring.protocol.limits.MeteredSize;

/**
 * Records read from a stream, in sequence order.
 * <p>
 * Batches from a read session are decoded without copying: every record's body and
 * headers are views of the frame the batch arrived in, as in the official TypeScript SDK.
 * A body kept long after its batch therefore keeps that whole frame (up to about 1 MiB)
 * in memory; copy it with {@code toByteArray()} when that matters. Read such views with
 * relative {@link java.nio.ByteBuffer} access: the buffer of
 * {@code asReadOnlyByteBuffer()} starts at the view's position, not at 0.
 *
 * @param records the records, possibly empty
 * @param tail the stream's tail, present when the batch was read at or near the tail
 */
public record ReadBatch(List<SequencedRecord> records, @Nullable StreamPosition tail) {

	public ReadBatch {
		records = List.copyOf(records);
	}

	/**
	 * Converts a protobuf batch.
	 * @param batch the protobuf message
	 * @return the batch
	 */
	public static ReadBatch of(s2.v1.ReadBatch batch) {
		return new ReadBatch(batch.getRecordsList(), batch.hasTail() ? StreamPosition.of(batch.getTail()) : null);
	}

	/**
	 * Whether the batch has no records.
	 * @return whether empty
	 */
	public boolean isEmpty() {
		return this.records.isEmpty();
	}

	/**
	 * The metered size of the records.
	 * @return the metered bytes
	 */
	public long meteredBytes() {
		long total = 0;
		for (SequencedRecord record : this.records) {
			total += MeteredSize.of(record);
		}
		return total;
	}

	/**
	 * The sequence number after the last record, or {@code -1} if empty.
	 * @return the next sequence number
	 */
	public long nextSeqNum() {
		return this.records.isEmpty() ? -1 : this.records.get(this.records.size() - 1).getSeqNum() + 1;
	}

}
