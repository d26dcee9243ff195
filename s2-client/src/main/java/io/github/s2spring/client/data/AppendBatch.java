package io.github.s2spring.client.data;

import java.util.Arrays;
import java.util.List;

import com.google.protobuf.InvalidProtocolBufferException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.jspecify.annotations.Nullable;
import s2.v1.AppendInput;
import s2.v1.AppendRecord;

import io.github.s2spring.protocol.limits.AppendRules;
import io.github.s2spring.protocol.s2s.S2sFrameEncoder;

/**
 * A validated batch of records to append atomically: 1 to 1000 records, at most 1 MiB
 * metered, with an optional {@code match_seq_num} and fencing token. Invalid batches are
 * rejected when built, before anything is sent.
 * <p>
 * A batch is either built from protobuf records ({@link #of(List)}) or written record by
 * record with an {@link AppendBatchBuilder} ({@link #builder()}), which validates, meters
 * and encodes each record as it is added, without a protobuf object per record.
 */
public final class AppendBatch {

	private volatile @Nullable AppendInput input;

	private final byte @Nullable [] encoded;

	private final int encodedLength;

	private final int size;

	private final long meteredBytes;

	private final @Nullable Long matchSeqNum;

	private final @Nullable String fencingToken;

	private AppendBatch(AppendInput input) {
		this.meteredBytes = AppendRules.validate(input);
		this.input = input;
		this.encoded = null;
		this.encodedLength = 0;
		this.size = input.getRecordsCount();
		this.matchSeqNum = input.hasMatchSeqNum() ? input.getMatchSeqNum() : null;
		this.fencingToken = input.hasFencingToken() ? input.getFencingToken() : null;
	}

	/**
	 * A batch an {@link AppendBatchBuilder} encoded and validated.
	 */
	AppendBatch(byte[] encoded, int encodedLength, int size, long meteredBytes, @Nullable Long matchSeqNum,
			@Nullable String fencingToken) {
		this.input = null;
		this.encoded = encoded;
		this.encodedLength = encodedLength;
		this.size = size;
		this.meteredBytes = meteredBytes;
		this.matchSeqNum = matchSeqNum;
		this.fencingToken = fencingToken;
	}

	/**
	 * A batch of records.
	 * @param records the records
	 * @return the batch
	 * @throws io.github.s2spring.protocol.limits.ValidationException if the batch breaks
	 * a limit
	 */
	public static AppendBatch of(AppendRecord... records) {
		return of(Arrays.asList(records));
	}

	/**
	 * A batch of records.
	 * @param records the records
	 * @return the batch
	 * @throws io.github.s2spring.protocol.limits.ValidationException if the batch breaks
	 * a limit
	 */
	public static AppendBatch of(List<AppendRecord> records) {
		return new AppendBatch(AppendInput.newBuilder().addAllRecords(records).build());
	}

	/**
	 * A batch from its protobuf form.
	 * @param input the protobuf message
	 * @return the batch
	 * @throws io.github.s2spring.protocol.limits.ValidationException if the batch breaks
	 * a limit
	 */
	public static AppendBatch of(AppendInput input) {
		return new AppendBatch(input);
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
	 * @param matchSeqNum the expected sequence number
	 * @return a new batch
	 */
	public AppendBatch withMatchSeqNum(long matchSeqNum) {
		return new AppendBatch(toProto().toBuilder().setMatchSeqNum(matchSeqNum).build());
	}

	/**
	 * This batch, appended only if the stream's fencing token equals this one.
	 * @param fencingToken the token, at most 36 bytes
	 * @return a new batch
	 */
	public AppendBatch withFencingToken(String fencingToken) {
		return new AppendBatch(toProto().toBuilder().setFencingToken(fencingToken).build());
	}

	/**
	 * The records.
	 * @return the records
	 */
	public List<AppendRecord> records() {
		return toProto().getRecordsList();
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
	 * The protobuf form (decoded on first use for a batch from a builder).
	 * @return the protobuf message
	 */
	public AppendInput toProto() {
		AppendInput current = this.input;
		if (current == null) {
			try {
				current = AppendInput.parser().parseFrom(encoded(), 0, this.encodedLength);
			}
			catch (InvalidProtocolBufferException ex) {
				throw new IllegalStateException("A built batch does not decode: " + ex.getMessage(), ex);
			}
			this.input = current;
		}
		return current;
	}

	/**
	 * The protobuf encoding of this batch.
	 * @return a new array
	 */
	byte[] toByteArray() {
		byte[] bytes = this.encoded;
		return (bytes != null) ? Arrays.copyOf(bytes, this.encodedLength) : toProto().toByteArray();
	}

	/**
	 * Encodes this batch as one S2S frame, as an append session sends it.
	 * @param encoder the encoder, whose compression applies
	 * @param allocator the allocator of the frame
	 * @return the frame; the caller owns (and releases) it
	 */
	public ByteBuf frame(S2sFrameEncoder encoder, ByteBufAllocator allocator) {
		byte[] bytes = this.encoded;
		return (bytes != null) ? encoder.encode(bytes, this.encodedLength, false, allocator)
				: encoder.encode(toProto(), false, allocator);
	}

	private byte[] encoded() {
		byte[] bytes = this.encoded;
		if (bytes == null) {
			throw new IllegalStateException("The batch has no encoded form");
		}
		return bytes;
	}

	@Override
	public String toString() {
		return "AppendBatch[" + this.size + " records, " + this.meteredBytes + " metered bytes"
				+ ((this.matchSeqNum != null) ? ", matchSeqNum=" + this.matchSeqNum : "")
				+ ((this.fencingToken != null) ? ", fenced" : "") + "]";
	}

}
