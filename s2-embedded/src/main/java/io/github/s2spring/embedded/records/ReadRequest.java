package io.github.s2spring.embedded.records;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.embedded.error.ApiException;
import io.github.s2spring.embedded.http.QueryParams;
import io.github.s2spring.embedded.store.Stream;
import io.github.s2spring.protocol.StreamPosition;
import io.github.s2spring.protocol.error.ErrorCode;
import io.github.s2spring.protocol.limits.Limits;

/**
 * The query of a read: where to start, what bounds end it, and how long to wait at the
 * tail. Parsing applies S2's rules (one start selector at most, {@code until} after a
 * timestamp start); {@link #start} applies the 416 rules.
 *
 * @param seqNum start at this sequence number
 * @param timestamp start at the first record with at least this timestamp
 * @param tailOffset start this many records before the tail
 * @param clamp start at the tail instead of failing when the start is beyond it
 * @param count most records, or {@code null}
 * @param bytes most metered bytes, or {@code null}
 * @param until exclusive timestamp bound, or {@code null}
 * @param waitSecs seconds to wait at the tail, or {@code null}
 */
record ReadRequest(@Nullable Long seqNum, @Nullable Long timestamp, @Nullable Long tailOffset, boolean clamp,
		@Nullable Long count, @Nullable Long bytes, @Nullable Long until, @Nullable Long waitSecs) {

	private static final long MAX_WAIT_SECS = 0xFFFFFFFFL;

	static ReadRequest parse(QueryParams query) {
		Long seqNum = query.unsigned("seq_num");
		Long timestamp = query.unsigned("timestamp");
		Long tailOffset = query.unsigned("tail_offset");
		int selectors = ((seqNum != null) ? 1 : 0) + ((timestamp != null) ? 1 : 0) + ((tailOffset != null) ? 1 : 0);
		if (selectors > 1) {
			throw ApiException.of(ErrorCode.INVALID, "only one of seq_num, timestamp, or tail_offset can be provided");
		}
		Long waitSecs = query.unsigned("wait");
		if (waitSecs != null && waitSecs > MAX_WAIT_SECS) {
			throw ApiException.of(ErrorCode.BAD_QUERY, "Invalid query string: `wait` must fit in 32 bits");
		}
		Long until = query.unsigned("until");
		if (timestamp != null && until != null && until <= timestamp) {
			throw ApiException.of(ErrorCode.INVALID, "start `timestamp` exceeds or equal to `until`");
		}
		return new ReadRequest(seqNum, timestamp, tailOffset, query.bool("clamp", false), query.unsigned("count"),
				query.unsigned("bytes"), until, waitSecs);
	}

	/**
	 * This request resumed after an SSE event {@code seq,count,bytes}: it starts after
	 * that record and its bounds shrink by what was already delivered.
	 * @param lastSeqNum the last delivered record
	 * @param deliveredCount records already delivered
	 * @param deliveredBytes metered bytes already delivered
	 * @return the resumed request
	 */
	ReadRequest resumeAfter(long lastSeqNum, long deliveredCount, long deliveredBytes) {
		Long newCount = (this.count != null) ? Math.max(0, this.count - deliveredCount) : null;
		Long newBytes = (this.bytes != null) ? Math.max(0, this.bytes - deliveredBytes) : null;
		return new ReadRequest(lastSeqNum + 1, null, null, true, newCount, newBytes, this.until, this.waitSecs);
	}

	/**
	 * Whether any of count, bytes and until bounds the read.
	 * @return whether bounded
	 */
	boolean bounded() {
		return this.count != null || this.bytes != null || this.until != null;
	}

	/**
	 * The record-count bound, {@code count=0} or {@code bytes=0} meaning zero.
	 * @return the bound, {@link Long#MAX_VALUE} if none
	 */
	long countLimit() {
		if ((this.count != null && this.count == 0) || (this.bytes != null && this.bytes == 0)) {
			return 0;
		}
		return (this.count != null) ? this.count : Long.MAX_VALUE;
	}

	/**
	 * The metered-bytes bound.
	 * @return the bound, {@link Long#MAX_VALUE} if none
	 */
	long bytesLimit() {
		return (this.bytes != null) ? this.bytes : Long.MAX_VALUE;
	}

	/**
	 * The exclusive timestamp bound.
	 * @return the bound, {@link Long#MAX_VALUE} if none
	 */
	long untilLimit() {
		return (this.until != null) ? this.until : Long.MAX_VALUE;
	}

	/**
	 * Where the read starts, applying S2's rules: no selector means the tail; a start
	 * beyond the tail is a 416 unless clamped; a start at the tail of a read that may not
	 * follow is a 416 too.
	 * @param stream the stream
	 * @param mayFollow whether the read may wait for new records
	 * @return the first sequence number to read
	 */
	long start(Stream stream, boolean mayFollow) {
		StreamPosition tail = stream.tail();
		long start;
		if (this.seqNum != null) {
			if (this.seqNum > tail.seqNum() && !this.clamp) {
				throw ApiException.rangeNotSatisfiable(tail);
			}
			start = this.seqNum;
		}
		else if (this.timestamp != null) {
			if (this.timestamp > tail.timestamp() && !this.clamp) {
				throw ApiException.rangeNotSatisfiable(tail);
			}
			start = stream.seqNumAtTimestamp(this.timestamp);
		}
		else if (this.tailOffset != null) {
			start = Math.max(0, tail.seqNum() - this.tailOffset);
		}
		else {
			start = tail.seqNum();
		}
		start = Math.min(start, tail.seqNum());
		if (start == tail.seqNum() && !mayFollow) {
			throw ApiException.rangeNotSatisfiable(tail);
		}
		return start;
	}

	/**
	 * Caps a bound for unary reads.
	 * @param value the requested value
	 * @param cap the cap
	 * @return the capped value
	 */
	static long cap(long value, long cap) {
		return Math.min(value, cap);
	}

	/**
	 * The unary wait, capped at {@value Limits#MAX_UNARY_READ_WAIT_SECONDS} seconds.
	 * @return seconds
	 */
	long unaryWaitSecs() {
		return (this.waitSecs != null) ? Math.min(this.waitSecs, Limits.MAX_UNARY_READ_WAIT_SECONDS) : 0;
	}

}
