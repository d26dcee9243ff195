package io.github.s2spring.client.patterns;

import java.util.function.Predicate;

import io.github.s2spring.client.error.ValidationException;
import io.github.s2spring.protocol.limits.Limits;

/**
 * How a writer turns messages into records.
 *
 * @param chunkBytes the largest chunk body; at most
 * {@link PatternHeaders#MAX_CHUNK_BODY_BYTES} with the default 12-character writer id (a
 * longer id needs a smaller chunk)
 * @param maxMessageBytes the largest serialized message; larger ones are refused with a
 * {@link FrameSizeException} before anything is written
 * @param dedupe whether every record carries {@code _dedupe_seq} and {@code _writer_id}
 * @param firstDedupeSeq the {@code _dedupe_seq} of the first record written
 * @param writerId the {@code _writer_id}
 * @param maxResends how many times the batches that are not acknowledged are resent, in
 * order and with the same stamps, after a failure the sink reports; 0 when the sink (an
 * append session) already retries
 * @param resendable which failures may be resent; others fail the messages at once
 */
public record MessageWriterOptions(int chunkBytes, long maxMessageBytes, boolean dedupe, long firstDedupeSeq,
		WriterId writerId, int maxResends, Predicate<Throwable> resendable) {

	/**
	 * Checks the options.
	 * @param chunkBytes the largest chunk body
	 * @param maxMessageBytes the largest serialized message
	 * @param dedupe whether records carry dedupe stamps
	 * @param firstDedupeSeq the first dedupe sequence number
	 * @param writerId the writer id
	 * @param maxResends the resends after a failure
	 * @param resendable which failures may be resent
	 */
	public MessageWriterOptions {
		int maxChunk = PatternHeaders.maxChunkBytes(dedupe, writerId.value());
		if (chunkBytes < 1 || chunkBytes > maxChunk) {
			throw new ValidationException("chunk size", chunkBytes, "must be between 1 and " + maxChunk
					+ " bytes so that a first chunk with its headers fits in one record of 1 MiB metered");
		}
		if (maxMessageBytes < 1) {
			throw new ValidationException("max message size", maxMessageBytes, "must be positive");
		}
		ValidationException.check(() -> Limits.requireUnsigned("first dedupe seq", firstDedupeSeq));
		if (maxResends < 0) {
			throw new ValidationException("max resends", maxResends, "must not be negative");
		}
	}

	/**
	 * Defaults: chunks of {@value PatternHeaders#MAX_CHUNK_BODY_BYTES} bytes, messages up
	 * to 100 MiB, dedupe on from seq 0 with a random writer id, no resends.
	 * @return the default options
	 */
	public static MessageWriterOptions defaults() {
		return builder().build();
	}

	/**
	 * A builder starting from the defaults.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Builds {@link MessageWriterOptions}.
	 */
	public static final class Builder {

		private int chunkBytes = PatternHeaders.MAX_CHUNK_BODY_BYTES;

		private long maxMessageBytes = PatternHeaders.DEFAULT_MAX_FRAME_BYTES;

		private boolean dedupe = true;

		private long firstDedupeSeq;

		private WriterId writerId = WriterId.random();

		private int maxResends;

		private Predicate<Throwable> resendable = (failure) -> !(failure instanceof ValidationException);

		private Builder() {
		}

		/**
		 * Sets the largest chunk body.
		 * @param chunkBytes the size in bytes
		 * @return this builder
		 */
		public Builder chunkBytes(int chunkBytes) {
			this.chunkBytes = chunkBytes;
			return this;
		}

		/**
		 * Sets the largest serialized message.
		 * @param maxMessageBytes the size in bytes
		 * @return this builder
		 */
		public Builder maxMessageBytes(long maxMessageBytes) {
			this.maxMessageBytes = maxMessageBytes;
			return this;
		}

		/**
		 * Turns the dedupe stamps on or off.
		 * @param dedupe whether records carry dedupe stamps
		 * @return this builder
		 */
		public Builder dedupe(boolean dedupe) {
			this.dedupe = dedupe;
			return this;
		}

		/**
		 * Sets the dedupe sequence number of the first record.
		 * @param firstDedupeSeq the sequence number
		 * @return this builder
		 */
		public Builder firstDedupeSeq(long firstDedupeSeq) {
			this.firstDedupeSeq = firstDedupeSeq;
			return this;
		}

		/**
		 * Sets the writer id instead of a random one.
		 * @param writerId the id
		 * @return this builder
		 */
		public Builder writerId(WriterId writerId) {
			this.writerId = writerId;
			return this;
		}

		/**
		 * Sets how often unacknowledged batches are resent after a failure.
		 * @param maxResends the number of resends
		 * @return this builder
		 */
		public Builder maxResends(int maxResends) {
			this.maxResends = maxResends;
			return this;
		}

		/**
		 * Sets which failures may be resent; by default all but validation errors.
		 * @param resendable the test
		 * @return this builder
		 */
		public Builder resendable(Predicate<Throwable> resendable) {
			this.resendable = resendable;
			return this;
		}

		/**
		 * Builds the options.
		 * @return the options
		 * @throws ValidationException if an option is out of range
		 */
		public MessageWriterOptions build() {
			return new MessageWriterOptions(this.chunkBytes, this.maxMessageBytes, this.dedupe, this.firstDedupeSeq,
					this.writerId, this.maxResends, this.resendable);
		}

	}

}
