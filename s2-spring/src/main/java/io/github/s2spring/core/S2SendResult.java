package io.github.s2spring.core;

import io.github.s2spring.protocol.StreamPosition;

/**
 * The outcome of a send that S2 made durable: where the message's records are and the
 * stream's tail when they were appended.
 *
 * @param basin the basin
 * @param stream the stream
 * @param seqNum the seq num of the message's first record
 * @param lastSeqNum the seq num of the message's last record (a message over about 1 MiB
 * spans several records; a batch send spans all its messages)
 * @param timestamp the timestamp S2 gave the first record, milliseconds since the Unix
 * epoch
 * @param tail the stream's tail when the records were appended
 */
public record S2SendResult(String basin, String stream, long seqNum, long lastSeqNum, long timestamp,
		StreamPosition tail) {

	/**
	 * The number of records the message took.
	 * @return {@code lastSeqNum - seqNum + 1}
	 */
	public long records() {
		return this.lastSeqNum - this.seqNum + 1;
	}

}
