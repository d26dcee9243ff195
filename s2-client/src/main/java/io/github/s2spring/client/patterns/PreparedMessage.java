package io.github.s2spring.client.patterns;

import java.util.List;
import java.util.OptionalLong;

import io.github.s2spring.client.data.AppendRecord;
import io.github.s2spring.client.error.ValidationException;

/**
 * One message turned into records, with its frame headers, its own headers and its dedupe
 * stamps fixed for good: resending these records resends exactly the same bytes, so
 * readers drop the copies that were already written.
 *
 * @param records the records, in order; the first one carries the frame headers
 * @param bytes the number of payload bytes ({@code _frame_bytes})
 * @param firstDedupeSeq the {@code _dedupe_seq} of the first record, if dedupe is on
 */
public record PreparedMessage(List<AppendRecord> records, long bytes, OptionalLong firstDedupeSeq) {

	/**
	 * Creates a prepared message; the record list is copied.
	 * @param records the records
	 * @param bytes the number of payload bytes
	 * @param firstDedupeSeq the first dedupe sequence number, if any
	 * @throws ValidationException if there is no record
	 */
	public PreparedMessage {
		if (records.isEmpty()) {
			throw new ValidationException("prepared message", "0 records", "must have at least one record");
		}
		records = List.copyOf(records);
	}

	/**
	 * The number of records ({@code _frame_records}).
	 * @return the record count
	 */
	public int recordCount() {
		return this.records.size();
	}

}
