package io.github.s2spring.protocol.limits;

/**
 * The numeric limits of the S2 v1 API.
 */
public final class Limits {

	/** Most records in one append batch or one read batch. */
	public static final int MAX_BATCH_RECORDS = 1000;

	/** Most metered bytes in one append batch or one read batch: 1 MiB. */
	public static final int MAX_BATCH_METERED_BYTES = 1024 * 1024;

	/** Most metered bytes of one record: 1 MiB. */
	public static final int MAX_RECORD_METERED_BYTES = MAX_BATCH_METERED_BYTES;

	/** Most headers on one record. */
	public static final int MAX_HEADERS_PER_RECORD = 0xFFFFFF;

	/** Shortest basin name, in bytes. */
	public static final int MIN_BASIN_NAME_BYTES = 8;

	/** Longest basin name, in bytes. */
	public static final int MAX_BASIN_NAME_BYTES = 48;

	/** Longest stream name, in bytes of UTF-8. */
	public static final int MAX_STREAM_NAME_BYTES = 512;

	/** Longest access token id, in bytes of UTF-8. */
	public static final int MAX_ACCESS_TOKEN_ID_BYTES = 96;

	/** Longest fencing token, in bytes of UTF-8. */
	public static final int MAX_FENCING_TOKEN_BYTES = 36;

	/** Longest {@code s2-request-token}, in bytes. */
	public static final int MAX_REQUEST_TOKEN_BYTES = 36;

	/** Longest location name, in characters. */
	public static final int MAX_LOCATION_CHARS = 64;

	/** Largest {@code limit} of a list call. */
	public static final int MAX_LIST_LIMIT = 1000;

	/** Longest {@code wait} of a unary read, in seconds. */
	public static final int MAX_UNARY_READ_WAIT_SECONDS = 60;

	private Limits() {
	}

	/**
	 * Checks that a value meant as an unsigned 64-bit integer is not negative.
	 * @param name the name of the value
	 * @param value the value
	 * @return the value
	 * @throws ValidationException if the value is negative
	 */
	public static long requireUnsigned(String name, long value) {
		if (value < 0) {
			throw new ValidationException(name, value, "must not be negative");
		}
		return value;
	}

}
