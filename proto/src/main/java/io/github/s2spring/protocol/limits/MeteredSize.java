package io.github.s2spring.protocol.limits;

import java.util.List;

import com.google.protobuf.ByteString;
import s2.v1.AppendInput;
import s2.v1.AppendRecord;
import s2.v1.Header;
import s2.v1.ReadBatch;
import s2.v1.SequencedRecord;

/**
 * Metered size, the unit of S2's size limits and billing:
 * {@code 8 + 2 * headers + sum(name + value bytes) + body bytes} per record.
 */
public final class MeteredSize {

	/** Fixed overhead of every record. */
	public static final int RECORD_OVERHEAD_BYTES = 8;

	/** Overhead of every header. */
	public static final int HEADER_OVERHEAD_BYTES = 2;

	private MeteredSize() {
	}

	/**
	 * The metered size of a record from its parts.
	 * @param headerCount the number of headers
	 * @param headerBytes the total bytes of header names and values
	 * @param bodyBytes the body bytes
	 * @return the metered size
	 */
	public static long of(long headerCount, long headerBytes, long bodyBytes) {
		return RECORD_OVERHEAD_BYTES + HEADER_OVERHEAD_BYTES * headerCount + headerBytes + bodyBytes;
	}

	/**
	 * The metered size of a record with these headers and body.
	 * @param headers the headers
	 * @param body the body
	 * @return the metered size
	 */
	public static long of(List<Header> headers, ByteString body) {
		long headerBytes = 0;
		for (Header header : headers) {
			headerBytes += header.getName().size() + header.getValue().size();
		}
		return of(headers.size(), headerBytes, body.size());
	}

	/**
	 * The metered size of a record to append.
	 * @param record the record
	 * @return the metered size
	 */
	public static long of(AppendRecord record) {
		return of(record.getHeadersList(), record.getBody());
	}

	/**
	 * The metered size of a stored record.
	 * @param record the record
	 * @return the metered size
	 */
	public static long of(SequencedRecord record) {
		return of(record.getHeadersList(), record.getBody());
	}

	/**
	 * The metered size of a batch to append: the sum over its records.
	 * @param input the batch
	 * @return the metered size
	 */
	public static long of(AppendInput input) {
		long total = 0;
		for (AppendRecord record : input.getRecordsList()) {
			total += of(record);
		}
		return total;
	}

	/**
	 * The metered size of a read batch: the sum over its records.
	 * @param batch the batch
	 * @return the metered size
	 */
	public static long of(ReadBatch batch) {
		long total = 0;
		for (SequencedRecord record : batch.getRecordsList()) {
			total += of(record);
		}
		return total;
	}

}
