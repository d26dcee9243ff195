package io.github.s2spring.support;

/**
 * Names of the record headers S2 for Spring writes and reads. Headers whose name starts
 * with an underscore belong to the patterns wire format ({@code _frame_records},
 * {@code _frame_bytes}, {@code _dedupe_seq}, {@code _writer_id}) and are never shown as
 * message headers.
 */
public final class S2Headers {

	/** The media type of a message's payload, such as {@code application/json}. */
	public static final String CONTENT_TYPE = "content-type";

	/** The error class of a message published to a dead-letter stream. */
	public static final String DLT_EXCEPTION_CLASS = "s2-dlt-exception-class";

	/** The error message of a message published to a dead-letter stream. */
	public static final String DLT_EXCEPTION_MESSAGE = "s2-dlt-exception-message";

	/** The stream a dead-lettered message was read from. */
	public static final String DLT_ORIGINAL_STREAM = "s2-dlt-original-stream";

	/** The seq num of the first record of a dead-lettered message. */
	public static final String DLT_ORIGINAL_SEQ_NUM = "s2-dlt-original-seq-num";

	/** The id of the listener that failed on a dead-lettered message. */
	public static final String DLT_LISTENER_ID = "s2-dlt-listener-id";

	/**
	 * The prefix of the message headers a listener container adds to the messages it
	 * delivers (they are not record headers).
	 */
	public static final String PREFIX = "s2_";

	/**
	 * The basin a delivered message was read from:
	 * {@code @Header(S2Headers.RECEIVED_BASIN)}.
	 */
	public static final String RECEIVED_BASIN = PREFIX + "receivedBasin";

	/** The stream a delivered message was read from. */
	public static final String RECEIVED_STREAM = PREFIX + "receivedStream";

	/** The seq num of the first record of a delivered message. */
	public static final String SEQ_NUM = PREFIX + "seqNum";

	/** The seq num of the last record of a delivered message. */
	public static final String LAST_SEQ_NUM = PREFIX + "lastSeqNum";

	/** The timestamp of the first record of a delivered message. */
	public static final String TIMESTAMP = PREFIX + "timestamp";

	/**
	 * The {@link S2RecordMetadata} of a delivered message (a list of them for a batch).
	 */
	public static final String RECORD_METADATA = PREFIX + "recordMetadata";

	/** The acknowledgment of a delivery. */
	public static final String ACKNOWLEDGMENT = PREFIX + "acknowledgment";

	/** The id of the listener a message is delivered to. */
	public static final String LISTENER_ID = PREFIX + "listenerId";

	private S2Headers() {
	}

	/**
	 * Whether a header name belongs to the patterns wire format.
	 * @param name the header name
	 * @return whether it is reserved
	 */
	public static boolean isReserved(String name) {
		return name.startsWith("_") || name.isEmpty();
	}

}
