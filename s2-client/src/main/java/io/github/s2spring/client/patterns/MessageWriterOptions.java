package io.github.s2spring.client.patterns;

import java.time.Duration;
import java.util.OptionalLong;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.client.error.ValidationException;
import io.github.s2spring.protocol.limits.Limits;
import io.github.s2spring.protocol.limits.Names;

/**
 * How a {@link SerializingAppendSession} turns messages into records and batches, and how
 * much it lets wait.
 *
 * @param chunkBytes the largest chunk body; at most
 * {@value PatternHeaders#MAX_CHUNK_BODY_BYTES} with a 12-character writer id (a longer id
 * needs a smaller chunk). A message's first chunk is smaller when the message's headers
 * would not leave room for it in one record of 1 MiB metered.
 * @param maxMessageBytes the largest serialized message; larger ones are refused with a
 * {@link FrameSizeException} before anything is written
 * @param dedupe whether every record carries {@code _dedupe_seq} and {@code _writer_id}
 * @param firstDedupeSeq the {@code _dedupe_seq} of the first record written
 * @param writerId the {@code _writer_id}, or {@code null} for a new random id per writer
 * (the default: options are values that may be shared, and two writers that use one id on
 * one stream make readers drop the second one's messages as duplicates)
 * @param linger how long a batch may wait behind the batches this writer has in flight
 * before it is submitted anyway; zero (the default) waits until nothing is in flight
 * @param maxQueuedMessages the most messages sent and not yet acknowledged (or failed);
 * beyond it {@code send} fails at once with an
 * {@link io.github.s2spring.client.error.OverloadedException}
 * @param maxQueuedBytes the most serialized bytes of those messages; beyond it
 * {@code send} fails likewise, except for a message sent when none is waiting
 * @param matchSeqNum the sequence number the first record written must get, if any: the
 * first batch carries it as {@code match_seq_num}, every next batch the previous batch's
 * plus its record count, so the writer fails rather than write after another writer
 * @param fencingToken the fencing token every batch carries, if any
 */
public record MessageWriterOptions(int chunkBytes, long maxMessageBytes, boolean dedupe, long firstDedupeSeq,
		@Nullable WriterId writerId, Duration linger, int maxQueuedMessages, long maxQueuedBytes,
		OptionalLong matchSeqNum, @Nullable String fencingToken) {

	/** The default bound on messages waiting for their acknowledgement. */
	public static final int DEFAULT_MAX_QUEUED_MESSAGES = 1000;

	/**
	 * The default bound on serialized bytes waiting for their acknowledgement: 64 MiB.
	 */
	public static final long DEFAULT_MAX_QUEUED_BYTES = 64L * 1024 * 1024;

	/**
	 * Checks the options.
	 * @param chunkBytes the largest chunk body
	 * @param maxMessageBytes the largest serialized message
	 * @param dedupe whether records carry dedupe stamps
	 * @param firstDedupeSeq the first dedupe sequence number
	 * @param writerId the writer id, or {@code null} for a random one per writer
	 * @param linger how long a batch may wait behind batches in flight
	 * @param maxQueuedMessages the most messages waiting
	 * @param maxQueuedBytes the most serialized bytes waiting
	 * @param matchSeqNum the sequence number of the first record, if any
	 * @param fencingToken the fencing token, if any
	 * @throws ValidationException if an option is out of range
	 */
	public MessageWriterOptions {
		String id = (writerId != null) ? writerId.value() : "x".repeat(PatternHeaders.DEFAULT_WRITER_ID_CHARS);
		int maxChunk = PatternHeaders.maxChunkBytes(dedupe, id);
		if (chunkBytes < 1 || chunkBytes > maxChunk) {
			throw new ValidationException("chunk size", chunkBytes, "must be between 1 and " + maxChunk
					+ " bytes so that a first chunk with its headers fits in one record of 1 MiB metered");
		}
		if (maxMessageBytes < 1) {
			throw new ValidationException("max message size", maxMessageBytes, "must be positive");
		}
		ValidationException.check(() -> Limits.requireUnsigned("first dedupe seq", firstDedupeSeq));
		if (linger.isNegative()) {
			throw new ValidationException("linger", linger, "must not be negative");
		}
		if (maxQueuedMessages < 1) {
			throw new ValidationException("max queued messages", maxQueuedMessages, "must be at least 1");
		}
		if (maxQueuedBytes < 1) {
			throw new ValidationException("max queued bytes", maxQueuedBytes, "must be at least 1");
		}
		if (matchSeqNum.isPresent()) {
			long first = matchSeqNum.getAsLong();
			ValidationException.check(() -> Limits.requireUnsigned("match_seq_num", first));
		}
		if (fencingToken != null) {
			String token = fencingToken;
			ValidationException.check(() -> Names.requireFencingToken(token));
		}
	}

	/**
	 * Defaults: chunks of {@value PatternHeaders#MAX_CHUNK_BODY_BYTES} bytes, messages up
	 * to 100 MiB, dedupe on from seq 0 with a random writer id per writer, no linger, at
	 * most 1000 messages and 64 MiB waiting, no {@code match_seq_num}, no fencing token.
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

		private @Nullable WriterId writerId;

		private Duration linger = Duration.ZERO;

		private int maxQueuedMessages = DEFAULT_MAX_QUEUED_MESSAGES;

		private long maxQueuedBytes = DEFAULT_MAX_QUEUED_BYTES;

		private OptionalLong matchSeqNum = OptionalLong.empty();

		private @Nullable String fencingToken;

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
		 * Sets the writer id instead of a new random one per writer. Give each writer of
		 * a stream its own id, or continue the sequence of the id's last writer with
		 * {@link #firstDedupeSeq(long)}: readers drop records whose sequence is not above
		 * the last one they saw with the same id.
		 * @param writerId the id
		 * @return this builder
		 */
		public Builder writerId(WriterId writerId) {
			this.writerId = writerId;
			return this;
		}

		/**
		 * Sets how long a batch may wait behind the batches in flight before it is
		 * submitted anyway.
		 * @param linger the time, zero to wait until nothing is in flight
		 * @return this builder
		 */
		public Builder linger(Duration linger) {
			this.linger = linger;
			return this;
		}

		/**
		 * Sets the most messages sent and not yet acknowledged.
		 * @param maxQueuedMessages the bound
		 * @return this builder
		 */
		public Builder maxQueuedMessages(int maxQueuedMessages) {
			this.maxQueuedMessages = maxQueuedMessages;
			return this;
		}

		/**
		 * Sets the most serialized bytes of messages sent and not yet acknowledged.
		 * @param maxQueuedBytes the bound
		 * @return this builder
		 */
		public Builder maxQueuedBytes(long maxQueuedBytes) {
			this.maxQueuedBytes = maxQueuedBytes;
			return this;
		}

		/**
		 * Makes the writer's batches conditional: the first one on the stream's next
		 * sequence number being this one, every next one on following the previous.
		 * @param seqNum the sequence number the first record written must get
		 * @return this builder
		 */
		public Builder matchSeqNum(long seqNum) {
			this.matchSeqNum = OptionalLong.of(seqNum);
			return this;
		}

		/**
		 * Puts a fencing token on every batch: once the stream is fenced with another
		 * token, the writer fails with a
		 * {@link io.github.s2spring.client.error.FencingTokenMismatchException} and
		 * writes nothing more.
		 * @param fencingToken the token, at most 36 bytes
		 * @return this builder
		 */
		public Builder fencingToken(String fencingToken) {
			this.fencingToken = fencingToken;
			return this;
		}

		/**
		 * Builds the options.
		 * @return the options
		 * @throws ValidationException if an option is out of range
		 */
		public MessageWriterOptions build() {
			return new MessageWriterOptions(this.chunkBytes, this.maxMessageBytes, this.dedupe, this.firstDedupeSeq,
					this.writerId, this.linger, this.maxQueuedMessages, this.maxQueuedBytes, this.matchSeqNum,
					this.fencingToken);
		}

	}

}
