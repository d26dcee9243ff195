package io.github.s2spring.protocol;

/**
 * A position in a stream: a sequence number and the timestamp of the record at (or
 * before) it.
 *
 * @param seqNum the sequence number, assigned by S2, never negative
 * @param timestamp milliseconds since the Unix epoch, never negative
 */
public record StreamPosition(long seqNum, long timestamp) {

	/** The position of an empty stream: sequence number 0, timestamp 0. */
	public static final StreamPosition ZERO = new StreamPosition(0, 0);

	public StreamPosition {
		if (seqNum < 0) {
			throw new IllegalArgumentException("seqNum must not be negative, got " + seqNum);
		}
		if (timestamp < 0) {
			throw new IllegalArgumentException("timestamp must not be negative, got " + timestamp);
		}
	}

	/**
	 * Converts a protobuf position.
	 * @param position the protobuf message
	 * @return the position
	 */
	public static StreamPosition of(s2.v1.StreamPosition position) {
		return new StreamPosition(position.getSeqNum(), position.getTimestamp());
	}

	/**
	 * Converts this position to its protobuf message.
	 * @return the protobuf message
	 */
	public s2.v1.StreamPosition toProto() {
		return s2.v1.StreamPosition.newBuilder().setSeqNum(this.seqNum).setTimestamp(this.timestamp).build();
	}

}
