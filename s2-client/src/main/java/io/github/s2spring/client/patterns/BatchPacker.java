package io.github.s2spring.client.patterns;

import java.util.ArrayList;
import java.util.List;

import io.github.s2spring.protocol.limits.Limits;
import io.github.s2spring.protocol.limits.MeteredSize;
import io.github.s2spring.protocol.limits.ValidationException;
import s2.v1.AppendInput;
import s2.v1.AppendRecord;

/**
 * Packs records, in order, into as few batches as S2's limits allow: at most
 * {@value Limits#MAX_BATCH_RECORDS} records and {@value Limits#MAX_BATCH_METERED_BYTES}
 * metered bytes each.
 */
public final class BatchPacker {

	private BatchPacker() {
	}

	/**
	 * Packs records into batches.
	 * @param records the records, each at most 1 MiB metered
	 * @return the batches, in order
	 * @throws ValidationException if a record alone exceeds the metered limit
	 */
	public static List<AppendInput> pack(List<AppendRecord> records) {
		List<AppendInput> batches = new ArrayList<>();
		AppendInput.Builder batch = AppendInput.newBuilder();
		long metered = 0;
		for (AppendRecord record : records) {
			long size = MeteredSize.of(record);
			if (size > Limits.MAX_BATCH_METERED_BYTES) {
				throw new ValidationException("record", size + " metered bytes",
						"must be at most " + Limits.MAX_BATCH_METERED_BYTES + " metered bytes");
			}
			if (batch.getRecordsCount() == Limits.MAX_BATCH_RECORDS
					|| metered + size > Limits.MAX_BATCH_METERED_BYTES) {
				batches.add(batch.build());
				batch = AppendInput.newBuilder();
				metered = 0;
			}
			batch.addRecords(record);
			metered += size;
		}
		if (batch.getRecordsCount() > 0) {
			batches.add(batch.build());
		}
		return batches;
	}

}
