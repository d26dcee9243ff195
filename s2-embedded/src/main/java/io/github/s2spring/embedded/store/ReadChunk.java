package io.github.s2spring.embedded.store;

import java.util.List;

import s2.v1.SequencedRecord;

import io.github.s2spring.protocol.StreamPosition;

/**
 * Records read from a stream in one step.
 *
 * @param records the records, in order
 * @param meteredBytes their total metered size
 * @param nextSeqNum the sequence number to continue from
 * @param tail the stream's tail when they were read
 * @param untilReached whether a record at or after the {@code until} bound stopped the
 * read
 */
public record ReadChunk(List<SequencedRecord> records, long meteredBytes, long nextSeqNum, StreamPosition tail,
		boolean untilReached) {

	/**
	 * Whether the chunk ends at the tail.
	 * @return {@code true} if no committed record follows the chunk
	 */
	public boolean atTail() {
		return this.nextSeqNum >= this.tail.seqNum();
	}

}
