package io.github.s2spring.client.error;

/**
 * An append's {@code match_seq_num} did not equal the sequence number its first record
 * would have received (HTTP 412).
 */
public final class SeqNumMismatchException extends S2Exception {

	private static final long serialVersionUID = 1L;

	private final long expectedSeqNum;

	/**
	 * Creates an exception.
	 * @param expectedSeqNum the sequence number the next record would get
	 */
	public SeqNumMismatchException(long expectedSeqNum) {
		super(412, "seq_num_mismatch", "Sequence number mismatch: the next sequence number is " + expectedSeqNum, false,
				true, null);
		this.expectedSeqNum = expectedSeqNum;
	}

	/**
	 * The sequence number the stream's next record would get.
	 * @return the expected sequence number
	 */
	public long expectedSeqNum() {
		return this.expectedSeqNum;
	}

}
