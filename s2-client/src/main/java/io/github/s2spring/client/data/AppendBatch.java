package io.github.s2spring.client.data;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import s2.v1.AppendInput;
import s2.v1.AppendRecord;

import io.github.s2spring.protocol.limits.AppendRules;

/**
 * A validated batch of records to append atomically: 1 to 1000 records, at most 1 MiB
 * metered, with an optional {@code match_seq_num} and fencing token. Invalid batches are
 * rejected when built, before anything is sent.
 */
public final class AppendBatch {

	private final AppendInput input;

	private final long meteredBytes;

	private AppendBatch(AppendInput input) {
		this.meteredBytes = AppendRules.validate(input);
		this.input = input;
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
	 * This batch, appended only if its first record gets this sequence number.
	 * @param matchSeqNum the expected sequence number
	 * @return a new batch
	 */
	public AppendBatch withMatchSeqNum(long matchSeqNum) {
		return new AppendBatch(this.input.toBuilder().setMatchSeqNum(matchSeqNum).build());
	}

	/**
	 * This batch, appended only if the stream's fencing token equals this one.
	 * @param fencingToken the token, at most 36 bytes
	 * @return a new batch
	 */
	public AppendBatch withFencingToken(String fencingToken) {
		return new AppendBatch(this.input.toBuilder().setFencingToken(fencingToken).build());
	}

	/**
	 * The records.
	 * @return the records
	 */
	public List<AppendRecord> records() {
		return this.input.getRecordsList();
	}

	/**
	 * The number of records.
	 * @return the count
	 */
	public int size() {
		return this.input.getRecordsCount();
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
		return this.input.hasMatchSeqNum() ? this.input.getMatchSeqNum() : null;
	}

	/**
	 * The fencing token, if any.
	 * @return the token, or {@code null}
	 */
	public @Nullable String fencingToken() {
		return this.input.hasFencingToken() ? this.input.getFencingToken() : null;
	}

	/**
	 * The protobuf form.
	 * @return the protobuf message
	 */
	public AppendInput toProto() {
		return this.input;
	}

	@Override
	public String toString() {
		return "AppendBatch[" + size() + " records, " + this.meteredBytes + " metered bytes"
				+ (this.input.hasMatchSeqNum() ? ", matchSeqNum=" + this.input.getMatchSeqNum() : "")
				+ (this.input.hasFencingToken() ? ", fenced" : "") + "]";
	}

}
