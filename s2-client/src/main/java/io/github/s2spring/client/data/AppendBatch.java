package io.github.s2spring.client.data;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.client.error.ValidationException;
import io.github.s2spring.protocol.limits.Limits;
import io.github.s2spring.protocol.limits.Names;

/**
 * A validated batch of records to append atomically: 1 to 1000 records, at most 1 MiB
 * metered, with an optional {@code match_seq_num} and fencing token. Invalid batches are
 * rejected when built, with a {@link ValidationException}, before anything is sent.
 * <p>
 * A batch is made of records ({@link #of(List)}) or written record by record with an
 * {@link AppendBatchBuilder} ({@link #builder()}); either way it is encoded once, when
 * built, in S2's wire format ({@link #encoded()}). Immutable and thread-safe.
 */
public final class AppendBatch {

	private final byte[] buffer;

	/** The bytes of the records, from the start of the buffer. */
	private final int recordsLength;

	/** The bytes of the whole encoding: the records, then match_seq_num and token. */
	private final int encodedLength;

	private final int size;

	private final long meteredBytes;

	private final @Nullable Long matchSeqNum;

	private final @Nullable String fencingToken;

	private volatile @Nullable List<AppendRecord> records;

	/**
	 * A batch an {@link AppendBatchBuilder} encoded and validated: the records, then the
	 * optional fields.
	 */
	AppendBatch(byte[] buffer, int recordsLength, int encodedLength, int size, long meteredBytes,
			@Nullable Long matchSeqNum, @Nullable String fencingToken, @Nullable List<AppendRecord> records) {
		this.buffer = buffer;
		this.recordsLength = recordsLength;
		this.encodedLength = encodedLength;
		this.size = size;
		this.meteredBytes = meteredBytes;
		this.matchSeqNum = matchSeqNum;
		this.fencingToken = fencingToken;
		this.records = records;
	}

	/**
	 * A batch of records.
	 * @param records the records, 1 to 1000, at most 1 MiB metered together
	 * @return the batch
	 * @throws ValidationException if the batch breaks a limit
	 */
	public static AppendBatch of(AppendRecord... records) {
		return of(Arrays.asList(records));
	}

	/**
	 * A batch of records.
	 * @param records the records, 1 to 1000, at most 1 MiB metered together
	 * @return the batch
	 * @throws ValidationException if the batch breaks a limit
	 */
	public static AppendBatch of(List<AppendRecord> records) {
		List<AppendRecord> copy = List.copyOf(records);
		AppendBatchBuilder builder = builder();
		for (AppendRecord record : copy) {
			builder.add(record);
		}
		return builder.build(copy);
	}

	/**
	 * Packs records, in order, into as few batches as S2's limits allow (1000 records, 1
	 * MiB metered each): a batch is full when the next record would not fit.
	 * @param records the records
	 * @return the batches, in order; none for no records
	 */
	public static List<AppendBatch> pack(List<AppendRecord> records) {
		List<AppendBatch> batches = new ArrayList<>();
		AppendBatchBuilder batch = builder();
		for (AppendRecord record : records) {
			if (!batch.isEmpty() && !batch.fits(record)) {
				batches.add(batch.build());
			}
			batch.add(record);
		}
		if (!batch.isEmpty()) {
			batches.add(batch.build());
		}
		return batches;
	}

	/**
	 * A builder that validates, meters and encodes records one by one: the fastest way to
	 * fill large batches.
	 * @return a new, empty builder
	 */
	public static AppendBatchBuilder builder() {
		return new AppendBatchBuilder();
	}

	/**
	 * This batch, appended only if its first record gets this sequence number.
	 * @param seqNum the expected sequence number
	 * @return a new batch
	 * @throws ValidationException if the number is negative
	 */
	public AppendBatch withMatchSeqNum(long seqNum) {
		ValidationException.check(() -> Limits.requireUnsigned("match_seq_num", seqNum));
		return withTrailer(seqNum, this.fencingToken);
	}

	/**
	 * This batch, appended only if the stream's fencing token equals this one.
	 * @param token the token, at most 36 bytes
	 * @return a new batch
	 * @throws ValidationException if the token is too long
	 */
	public AppendBatch withFencingToken(String token) {
		ValidationException.check(() -> Names.requireFencingToken(token));
		return withTrailer(this.matchSeqNum, token);
	}

	private AppendBatch withTrailer(@Nullable Long match, @Nullable String token) {
		byte[] copy = Arrays.copyOf(this.buffer, this.recordsLength + trailerSize(match, token));
		int end = writeTrailer(copy, this.recordsLength, match, token);
		return new AppendBatch(copy, this.recordsLength, end, this.size, this.meteredBytes, match, token, this.records);
	}

	static int trailerSize(@Nullable Long match, @Nullable String token) {
		int size = 0;
		if (match != null) {
			size += 1 + Wire.varintSize(match);
		}
		if (token != null) {
			int length = token.getBytes(StandardCharsets.UTF_8).length;
			size += 1 + Wire.varintSize(length) + length;
		}
		return size;
	}

	/**
	 * Writes {@code match_seq_num} and {@code fencing_token} (even an empty token: it is
	 * a proto3 optional field) after the records.
	 * @return the offset after them
	 */
	static int writeTrailer(byte[] buffer, int offset, @Nullable Long match, @Nullable String token) {
		int at = offset;
		if (match != null) {
			at = Wire.writeVarint(buffer, at, Wire.MATCH_SEQ_NUM_TAG);
			at = Wire.writeVarint(buffer, at, match);
		}
		if (token != null) {
			byte[] utf8 = token.getBytes(StandardCharsets.UTF_8);
			at = Wire.writeVarint(buffer, at, Wire.FENCING_TOKEN_TAG);
			at = Wire.writeVarint(buffer, at, utf8.length);
			System.arraycopy(utf8, 0, buffer, at, utf8.length);
			at += utf8.length;
		}
		return at;
	}

	/**
	 * The records, in order. For a batch from a builder they are decoded from the
	 * encoding on first use (as views of it).
	 * @return the records
	 */
	public List<AppendRecord> records() {
		List<AppendRecord> current = this.records;
		if (current == null) {
			current = List.copyOf(Wire.readRecords(this.buffer, this.recordsLength));
			this.records = current;
		}
		return current;
	}

	/**
	 * The number of records.
	 * @return the count
	 */
	public int size() {
		return this.size;
	}

	/**
	 * The metered size.
	 * @return the metered bytes
	 */
	public long meteredBytes() {
		return this.meteredBytes;
	}

	/**
	 * The required sequence number of the first record, if any.
	 * @return the sequence number, or {@code null}
	 */
	public @Nullable Long matchSeqNum() {
		return this.matchSeqNum;
	}

	/**
	 * The fencing token, if any.
	 * @return the token, or {@code null}
	 */
	public @Nullable String fencingToken() {
		return this.fencingToken;
	}

	/**
	 * The batch in S2's protobuf wire encoding, an {@code AppendInput} message (records,
	 * {@code match_seq_num}, {@code fencing_token}), as it is sent: a read-only view of
	 * the batch's own bytes, not a copy.
	 * @return a new read-only view, positioned at the first byte
	 */
	public ByteBuffer encoded() {
		return ByteBuffer.wrap(this.buffer, 0, this.encodedLength).asReadOnlyBuffer();
	}

	@Override
	public String toString() {
		return "AppendBatch[" + this.size + " records, " + this.meteredBytes + " metered bytes"
				+ ((this.matchSeqNum != null) ? ", matchSeqNum=" + this.matchSeqNum : "")
				+ ((this.fencingToken != null) ? ", fenced" : "") + "]";
	}

}
