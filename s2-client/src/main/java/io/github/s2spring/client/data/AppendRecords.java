package io.github.s2spring.client.data;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.google.protobuf.ByteString;
import s2.v1.AppendRecord;
import s2.v1.Header;

import io.github.s2spring.protocol.limits.Limits;
import io.github.s2spring.protocol.limits.MeteredSize;

/**
 * Factories for records and helpers that pack records into batches within S2's limits
 * (1000 records, 1 MiB metered per batch).
 */
public final class AppendRecords {

	private AppendRecords() {
	}

	/**
	 * A record with a UTF-8 body.
	 * @param body the body text
	 * @return the record
	 */
	public static AppendRecord of(String body) {
		return AppendRecord.newBuilder().setBody(ByteString.copyFromUtf8(body)).build();
	}

	/**
	 * A record with a binary body.
	 * @param body the body bytes
	 * @return the record
	 */
	public static AppendRecord of(byte[] body) {
		return AppendRecord.newBuilder().setBody(ByteString.copyFrom(body)).build();
	}

	/**
	 * A header with UTF-8 name and value.
	 * @param name the name, not empty
	 * @param value the value
	 * @return the header
	 */
	public static Header header(String name, String value) {
		return Header.newBuilder()
			.setName(ByteString.copyFrom(name, StandardCharsets.UTF_8))
			.setValue(ByteString.copyFrom(value, StandardCharsets.UTF_8))
			.build();
	}

	/**
	 * Packs records, in order, into as few batches as the limits allow.
	 * @param records the records; each must fit in a batch on its own
	 * @return the batches
	 * @throws io.github.s2spring.protocol.limits.ValidationException if a record breaks a
	 * limit
	 */
	public static List<AppendBatch> batches(List<AppendRecord> records) {
		List<AppendBatch> batches = new ArrayList<>();
		List<AppendRecord> current = new ArrayList<>();
		long currentBytes = 0;
		for (AppendRecord record : records) {
			long size = MeteredSize.of(record);
			if (!current.isEmpty() && (current.size() == Limits.MAX_BATCH_RECORDS
					|| currentBytes + size > Limits.MAX_BATCH_METERED_BYTES)) {
				batches.add(AppendBatch.of(current));
				current = new ArrayList<>();
				currentBytes = 0;
			}
			current.add(record);
			currentBytes += size;
		}
		if (!current.isEmpty()) {
			batches.add(AppendBatch.of(current));
		}
		return batches;
	}

}
