package io.github.s2spring.client.data;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.client.error.ValidationException;
import io.github.s2spring.protocol.limits.Limits;
import io.github.s2spring.protocol.limits.MeteredSize;
import io.github.s2spring.protocol.limits.Names;

/**
 * Fills an {@link AppendBatch} record by record: each record is validated, metered and
 * written straight into the batch's protobuf encoding when it is added, so a batch of
 * 1000 records costs one array (sized like the previous batch, with an eighth more room)
 * instead of an object per record. A record that would break a limit is refused with a
 * {@link ValidationException} and leaves the builder as it was, so a producer can
 * {@link #build()} what it has and start the next batch with that record.
 * {@link #build()} hands the batch over and leaves the builder empty for the next one.
 * Not thread-safe.
 *
 * <pre class="code">
 * AppendBatchBuilder builder = AppendBatch.builder();
 * for (byte[] event : events) {
 *     if (!builder.fits(event.length)) {
 *         session.submit(builder.build());
 *     }
 *     builder.add(event);
 * }
 * </pre>
 */
public final class AppendBatchBuilder {

	private static final int INITIAL_BYTES = 16 * 1024;

	/**
	 * Room for a full batch (1 MiB metered encodes in about as many bytes). Arrays grow
	 * fourfold up to it, and past it only for batches of many small headers: a full batch
	 * never takes a 2 MiB array, a humongous object for G1 with 4 MiB regions.
	 */
	private static final int FULL_BATCH_BYTES = Limits.MAX_BATCH_METERED_BYTES + 64 * 1024;

	private static final byte[] NONE = new byte[0];

	private byte[] buffer = NONE;

	/** The size of the last batch: the next one starts with that much room. */
	private int expectedBytes = INITIAL_BYTES;

	private int length;

	private int count;

	private long meteredBytes;

	private @Nullable Long matchSeqNum;

	private @Nullable String fencingToken;

	AppendBatchBuilder() {
	}

	/**
	 * Adds a record with only a body. The body is copied; the array may be reused.
	 * @param body the body
	 * @return this builder
	 * @throws ValidationException if the record does not fit in this batch (1000 records,
	 * 1 MiB metered)
	 */
	public AppendBatchBuilder add(byte[] body) {
		admit(MeteredSize.of(0, 0, body.length));
		int record = Wire.bytesFieldSize(body.length);
		ensure(1 + Wire.varintSize(record) + record);
		this.length = Wire.writeVarint(this.buffer, this.length, Wire.RECORDS_TAG);
		this.length = Wire.writeVarint(this.buffer, this.length, record);
		this.length = Wire.writeBytes(this.buffer, this.length, Wire.BODY_TAG, ByteBuffer.wrap(body));
		this.count++;
		return this;
	}

	/**
	 * Adds a record with a UTF-8 body and nothing else.
	 * @param body the body text
	 * @return this builder
	 * @throws ValidationException if the record does not fit in this batch
	 */
	public AppendBatchBuilder add(String body) {
		return add(body.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Adds a record with headers, a timestamp or a command. Its bytes are copied into the
	 * batch.
	 * @param record the record
	 * @return this builder
	 * @throws ValidationException if the record does not fit in this batch
	 */
	public AppendBatchBuilder add(AppendRecord record) {
		admit(record.meteredBytes());
		int size = Wire.recordSize(record);
		ensure(1 + Wire.varintSize(size) + size);
		this.length = Wire.writeVarint(this.buffer, this.length, Wire.RECORDS_TAG);
		this.length = Wire.writeVarint(this.buffer, this.length, size);
		this.length = Wire.writeRecord(this.buffer, this.length, record);
		this.count++;
		return this;
	}

	/**
	 * Whether a record with only a body of this size still fits in this batch.
	 * @param bodyBytes the body's size
	 * @return whether {@link #add(byte[])} would accept it
	 */
	public boolean fits(int bodyBytes) {
		return fits(MeteredSize.of(0, 0, bodyBytes));
	}

	/**
	 * Whether a record still fits in this batch.
	 * @param record the record
	 * @return whether {@link #add(AppendRecord)} would accept it
	 */
	public boolean fits(AppendRecord record) {
		return fits(record.meteredBytes());
	}

	private boolean fits(long metered) {
		return this.count < Limits.MAX_BATCH_RECORDS && this.meteredBytes + metered <= Limits.MAX_BATCH_METERED_BYTES;
	}

	/**
	 * Appends the batch only if its first record gets this sequence number.
	 * @param seqNum the expected sequence number
	 * @return this builder
	 * @throws ValidationException if the number is negative
	 */
	public AppendBatchBuilder matchSeqNum(long seqNum) {
		ValidationException.check(() -> Limits.requireUnsigned("match_seq_num", seqNum));
		this.matchSeqNum = seqNum;
		return this;
	}

	/**
	 * Appends the batch only if the stream's fencing token equals this one.
	 * @param token the token, at most 36 bytes
	 * @return this builder
	 * @throws ValidationException if the token is too long
	 */
	public AppendBatchBuilder fencingToken(String token) {
		ValidationException.check(() -> Names.requireFencingToken(token));
		this.fencingToken = token;
		return this;
	}

	/**
	 * The number of records added so far.
	 * @return the count
	 */
	public int size() {
		return this.count;
	}

	/**
	 * The metered size of the records added so far.
	 * @return the metered bytes
	 */
	public long meteredBytes() {
		return this.meteredBytes;
	}

	/**
	 * Whether no record was added yet.
	 * @return whether empty
	 */
	public boolean isEmpty() {
		return this.count == 0;
	}

	/**
	 * Builds the batch and empties this builder (its {@code match_seq_num} and fencing
	 * token too) for the next batch.
	 * @return the batch
	 * @throws ValidationException if no record was added
	 */
	public AppendBatch build() {
		return build(null);
	}

	AppendBatch build(@Nullable List<AppendRecord> records) {
		if (this.count == 0) {
			throw new ValidationException("record batch", "0 records", "must not be empty");
		}
		Long match = this.matchSeqNum;
		String token = this.fencingToken;
		int recordsLength = this.length;
		ensure(AppendBatch.trailerSize(match, token));
		this.length = AppendBatch.writeTrailer(this.buffer, this.length, match, token);
		AppendBatch batch = new AppendBatch(this.buffer, recordsLength, this.length, this.count, this.meteredBytes,
				match, token, records);
		this.expectedBytes = Math.min(FULL_BATCH_BYTES, Math.max(INITIAL_BYTES, this.length + this.length / 8));
		this.buffer = NONE;
		this.length = 0;
		this.count = 0;
		this.meteredBytes = 0;
		this.matchSeqNum = null;
		this.fencingToken = null;
		return batch;
	}

	private void admit(long metered) {
		if (metered > Limits.MAX_RECORD_METERED_BYTES) {
			throw new ValidationException("record", metered + " metered bytes",
					"must be at most " + Limits.MAX_RECORD_METERED_BYTES + " metered bytes");
		}
		if (this.count >= Limits.MAX_BATCH_RECORDS) {
			throw new ValidationException("record batch", (this.count + 1) + " records",
					"must have at most " + Limits.MAX_BATCH_RECORDS + " records");
		}
		if (this.meteredBytes + metered > Limits.MAX_BATCH_METERED_BYTES) {
			throw new ValidationException("record batch", (this.meteredBytes + metered) + " metered bytes",
					"must be at most " + Limits.MAX_BATCH_METERED_BYTES + " metered bytes");
		}
		this.meteredBytes += metered;
	}

	private void ensure(int more) {
		int needed = this.length + more;
		if (needed > this.buffer.length) {
			this.buffer = Arrays.copyOf(this.buffer, Math.max(needed, grown()));
		}
	}

	private int grown() {
		int capacity = this.buffer.length;
		if (capacity == 0) {
			return this.expectedBytes;
		}
		return (capacity < FULL_BATCH_BYTES) ? Math.min(FULL_BATCH_BYTES, capacity * 4) : capacity * 2;
	}

}
