package io.github.s2spring.protocol.limits;

import java.util.List;

import s2.v1.AppendInput;
import s2.v1.AppendRecord;
import s2.v1.Header;

/**
 * Validates batches to append: the same checks on the client, before the wire, and on the
 * server.
 */
public final class AppendRules {

	private AppendRules() {
	}

	/**
	 * Checks a batch: 1 to 1000 records, at most 1 MiB metered, valid headers, valid
	 * command records and a valid fencing token.
	 * @param input the batch
	 * @return the batch's metered size
	 * @throws ValidationException naming the first rule the batch breaks
	 */
	public static long validate(AppendInput input) {
		int count = input.getRecordsCount();
		if (count == 0) {
			throw new ValidationException("record batch", "0 records", "must not be empty");
		}
		if (count > Limits.MAX_BATCH_RECORDS) {
			throw new ValidationException("record batch", count + " records",
					"must have at most " + Limits.MAX_BATCH_RECORDS + " records");
		}
		if (input.hasFencingToken()) {
			Names.requireFencingToken(input.getFencingToken());
		}
		if (input.hasMatchSeqNum()) {
			Limits.requireUnsigned("match_seq_num", input.getMatchSeqNum());
		}
		long metered = 0;
		for (int i = 0; i < count; i++) {
			metered += validate(input.getRecords(i));
		}
		if (metered > Limits.MAX_BATCH_METERED_BYTES) {
			throw new ValidationException("record batch", metered + " metered bytes",
					"must be at most " + Limits.MAX_BATCH_METERED_BYTES + " metered bytes");
		}
		return metered;
	}

	/**
	 * Checks one record: at most 1 MiB metered, header names not empty (except in a
	 * command record), and a valid command if it is one.
	 * @param record the record
	 * @return the record's metered size
	 * @throws ValidationException naming the rule the record breaks
	 */
	public static long validate(AppendRecord record) {
		List<Header> headers = record.getHeadersList();
		if (headers.size() > Limits.MAX_HEADERS_PER_RECORD) {
			throw new ValidationException("record headers", headers.size() + " headers",
					"must be at most " + Limits.MAX_HEADERS_PER_RECORD);
		}
		if (record.hasTimestamp()) {
			Limits.requireUnsigned("record timestamp", record.getTimestamp());
		}
		if (!CommandRecords.isCommand(headers)) {
			for (int i = 0; i < headers.size(); i++) {
				if (headers.get(i).getName().isEmpty()) {
					throw new ValidationException("header name", "header " + i,
							"must not be empty (only a command record has one header with an empty name)");
				}
			}
		}
		else {
			CommandRecords.parse(headers, record.getBody());
		}
		long metered = MeteredSize.of(record);
		if (metered > Limits.MAX_RECORD_METERED_BYTES) {
			throw new ValidationException("record", metered + " metered bytes",
					"must be at most " + Limits.MAX_RECORD_METERED_BYTES + " metered bytes");
		}
		return metered;
	}

}
