package io.github.s2spring.client.data;

import io.github.s2spring.protocol.StreamPosition;

/**
 * The acknowledgement of an appended batch: its records are durable.
 *
 * @param start position of the first appended record
 * @param end sequence number after the last appended record, and its timestamp
 * @param tail the stream's tail when the batch was appended (at least {@code end})
 */
public record AppendAck(StreamPosition start, StreamPosition end, StreamPosition tail) {

	/**
	 * The number of records appended.
	 * @return {@code end.seqNum - start.seqNum}
	 */
	public long recordCount() {
		return this.end.seqNum() - this.start.seqNum();
	}

}
