package io.github.s2spring.client.patterns;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.client.data.Header;

/**
 * What a {@link MessageReader} makes of the records it reads: a message, or a failure
 * that concerns one message (or one record) and does not stop the stream.
 *
 * @param <T> the type of the messages
 */
public sealed interface ReadOutcome<T> permits ReadOutcome.Message, ReadOutcome.Failure {

	/**
	 * The sequence number of the first record concerned.
	 * @return the seq num
	 */
	long seqNum();

	/**
	 * The sequence number of the last record concerned.
	 * @return the seq num
	 */
	long lastSeqNum();

	/**
	 * A message, reassembled from its records and deserialized.
	 *
	 * @param <T> the type of the message
	 * @param value the message
	 * @param headers the headers of its first record without the patterns headers: those
	 * its writer gave it (and its serializer added)
	 * @param seqNum the seq num of its first record
	 * @param lastSeqNum the seq num of its last record
	 * @param timestamp the timestamp of its first record
	 * @param records the number of records it took
	 * @param bytes its serialized size
	 * @param writerId the {@code _writer_id} of its records, if any
	 */
	record Message<T>(T value, List<Header> headers, long seqNum, long lastSeqNum, long timestamp, int records,
			int bytes, @Nullable String writerId) implements ReadOutcome<T> {

		/**
		 * Creates a message; the header list is copied.
		 * @param value the message
		 * @param headers its headers
		 * @param seqNum the seq num of its first record
		 * @param lastSeqNum the seq num of its last record
		 * @param timestamp the timestamp of its first record
		 * @param records the number of records it took
		 * @param bytes its serialized size
		 * @param writerId its writer id, if any
		 */
		public Message {
			headers = List.copyOf(headers);
		}

	}

	/**
	 * Records that did not make a message, and why.
	 *
	 * @param <T> the type of the messages
	 * @param reason the kind of failure
	 * @param description what happened, naming sizes and seq nums
	 * @param seqNum the seq num of the first record concerned
	 * @param lastSeqNum the seq num of the last record concerned
	 * @param cause the underlying error, if any
	 */
	record Failure<T>(Reason reason, String description, long seqNum, long lastSeqNum,
			@Nullable Throwable cause) implements ReadOutcome<T> {

		/**
		 * The same failure, typed for another message type.
		 * @param <U> the other type
		 * @return the failure
		 */
		public <U> Failure<U> retype() {
			return new Failure<>(this.reason, this.description, this.seqNum, this.lastSeqNum, this.cause);
		}

	}

	/**
	 * Kinds of {@link Failure}.
	 */
	enum Reason {

		/** The serializer could not read the message's bytes. */
		DESERIALIZATION_FAILED,

		/** A frame was cut short by the start of another frame of the same writer. */
		PARTIAL_FRAME_DROPPED,

		/** A frame's records did not add up to its declared {@code _frame_bytes}. */
		FRAME_SIZE_MISMATCH,

		/** A patterns header had a malformed value; the record was skipped. */
		MALFORMED_HEADER

	}

}
