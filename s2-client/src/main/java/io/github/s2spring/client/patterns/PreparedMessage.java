package io.github.s2spring.client.patterns;

import java.util.List;
import java.util.OptionalLong;

import io.github.s2spring.client.data.AppendBatch;
import io.github.s2spring.client.error.ValidationException;

/**
 * One message turned into batches of records, with its frame headers and dedupe stamps
 * fixed for good: resending these batches resends exactly the same bytes, so readers can
 * drop the copies that were already written.
 *
 * @param batches the batches to append, in order; each within 1000 records and 1 MiB
 * metered
 * @param records the number of records ({@code _frame_records})
 * @param bytes the number of payload bytes ({@code _frame_bytes})
 * @param firstDedupeSeq the {@code _dedupe_seq} of the first record, if dedupe is on
 */
public record PreparedMessage(List<AppendBatch> batches, int records, long bytes, OptionalLong firstDedupeSeq) {

	/**
	 * Creates a prepared message; the batch list is copied.
	 * @param batches the batches
	 * @param records the number of records
	 * @param bytes the number of payload bytes
	 * @param firstDedupeSeq the first dedupe sequence number, if any
	 */
	public PreparedMessage {
		if (batches.isEmpty()) {
			throw new ValidationException("prepared message", "0 batches", "must have at least one batch");
		}
		batches = List.copyOf(batches);
	}

}
