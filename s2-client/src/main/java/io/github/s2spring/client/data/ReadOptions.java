package io.github.s2spring.client.data;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.client.error.ValidationException;
import io.github.s2spring.protocol.limits.Limits;

/**
 * Where a read starts and when it stops. Immutable: each {@code with}-style method
 * returns a copy. Without a start the read begins at the tail.
 *
 * @param start where to start
 * @param startValue the sequence number, timestamp (ms) or tail offset; 0 for
 * {@link Start#TAIL}
 * @param count most records to read, or {@code null} for no bound
 * @param bytes most metered bytes to read, or {@code null} for no bound
 * @param until exclusive timestamp bound (ms), or {@code null}
 * @param waitSeconds how long to wait for new records at the tail, or {@code null} for
 * the server default
 * @param clamp whether a start beyond the tail starts at the tail instead of failing
 */
public record ReadOptions(Start start, long startValue, @Nullable Long count, @Nullable Long bytes,
		@Nullable Long until, @Nullable Integer waitSeconds, boolean clamp) {

	public ReadOptions {
		ValidationException.check(() -> Limits.requireUnsigned("read start", startValue));
		if (count != null) {
			ValidationException.check(() -> Limits.requireUnsigned("read count", count));
		}
		if (bytes != null) {
			ValidationException.check(() -> Limits.requireUnsigned("read bytes", bytes));
		}
		if (until != null) {
			ValidationException.check(() -> Limits.requireUnsigned("read until", until));
		}
		if (waitSeconds != null) {
			ValidationException.check(() -> Limits.requireUnsigned("read wait", waitSeconds));
		}
	}

	/**
	 * Start at the first record with a sequence number at or after this one.
	 * @param seqNum the sequence number
	 * @return the options
	 */
	public static ReadOptions fromSeqNum(long seqNum) {
		return new ReadOptions(Start.SEQ_NUM, seqNum, null, null, null, null, false);
	}

	/**
	 * Start at the first record with a timestamp at or after this one.
	 * @param timestamp milliseconds since the Unix epoch
	 * @return the options
	 */
	public static ReadOptions fromTimestamp(long timestamp) {
		return new ReadOptions(Start.TIMESTAMP, timestamp, null, null, null, null, false);
	}

	/**
	 * Start this many records before the tail.
	 * @param offset the number of records before the tail
	 * @return the options
	 */
	public static ReadOptions fromTailOffset(long offset) {
		return new ReadOptions(Start.TAIL_OFFSET, offset, null, null, null, null, false);
	}

	/**
	 * Start at the tail: only records appended from now on.
	 * @return the options
	 */
	public static ReadOptions fromTail() {
		return new ReadOptions(Start.TAIL, 0, null, null, null, null, false);
	}

	/**
	 * Stops after this many records.
	 * @param limit the record count
	 * @return a copy
	 */
	public ReadOptions withCount(long limit) {
		return new ReadOptions(this.start, this.startValue, limit, this.bytes, this.until, this.waitSeconds,
				this.clamp);
	}

	/**
	 * Stops before exceeding this many metered bytes.
	 * @param limit the metered bytes
	 * @return a copy
	 */
	public ReadOptions withBytes(long limit) {
		return new ReadOptions(this.start, this.startValue, this.count, limit, this.until, this.waitSeconds,
				this.clamp);
	}

	/**
	 * Stops at the first record whose timestamp is at or after this one.
	 * @param timestamp milliseconds since the Unix epoch
	 * @return a copy
	 */
	public ReadOptions withUntil(long timestamp) {
		return new ReadOptions(this.start, this.startValue, this.count, this.bytes, timestamp, this.waitSeconds,
				this.clamp);
	}

	/**
	 * Waits up to this many seconds for new records at the tail.
	 * @param seconds the wait
	 * @return a copy
	 */
	public ReadOptions withWait(int seconds) {
		return new ReadOptions(this.start, this.startValue, this.count, this.bytes, this.until, seconds, this.clamp);
	}

	/**
	 * Starts at the tail if the requested start is beyond it.
	 * @param clampToTail whether to clamp
	 * @return a copy
	 */
	public ReadOptions withClamp(boolean clampToTail) {
		return new ReadOptions(this.start, this.startValue, this.count, this.bytes, this.until, this.waitSeconds,
				clampToTail);
	}

	/**
	 * The query string, without {@code ?}, empty if there is nothing to send.
	 * @return the query string
	 */
	public String toQueryString() {
		StringBuilder query = new StringBuilder();
		switch (this.start) {
			case SEQ_NUM -> append(query, "seq_num", this.startValue);
			case TIMESTAMP -> append(query, "timestamp", this.startValue);
			case TAIL_OFFSET -> append(query, "tail_offset", this.startValue);
			case TAIL -> {
			}
		}
		if (this.count != null) {
			append(query, "count", this.count);
		}
		if (this.bytes != null) {
			append(query, "bytes", this.bytes);
		}
		if (this.until != null) {
			append(query, "until", this.until);
		}
		if (this.waitSeconds != null) {
			append(query, "wait", this.waitSeconds);
		}
		if (this.clamp) {
			append(query, "clamp", "true");
		}
		return query.toString();
	}

	private static void append(StringBuilder query, String name, Object value) {
		if (query.length() > 0) {
			query.append('&');
		}
		query.append(name).append('=').append(value);
	}

	/**
	 * Where a read starts.
	 */
	public enum Start {

		/** At a sequence number. */
		SEQ_NUM,

		/** At a timestamp. */
		TIMESTAMP,

		/** A number of records before the tail. */
		TAIL_OFFSET,

		/** At the tail. */
		TAIL

	}

}
