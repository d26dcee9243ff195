package io.github.s2spring.client.data;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.protocol.StreamPosition;

/**
 * Records read from a stream, in sequence order. Batches from a read session are decoded
 * without copying: every record's body and headers are views of the frame the batch
 * arrived in (see {@link SequencedRecord}).
 *
 * @param records the records, possibly empty
 * @param tail the stream's tail, present when the batch was read at or near the tail
 */
public record ReadBatch(List<SequencedRecord> records, @Nullable StreamPosition tail) {

	/**
	 * Creates a batch; the list is copied unless it is already unmodifiable.
	 * @param records the records
	 * @param tail the tail, or {@code null}
	 */
	public ReadBatch {
		records = List.copyOf(records);
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
			total += record.meteredBytes();
		}
		return total;
	}

	/**
	 * The sequence number after the last record, or {@code -1} if empty.
	 * @return the next sequence number
	 */
	public long nextSeqNum() {
		return this.records.isEmpty() ? -1 : this.records.get(this.records.size() - 1).seqNum() + 1;
	}

}
