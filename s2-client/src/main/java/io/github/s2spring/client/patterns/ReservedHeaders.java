package io.github.s2spring.client.patterns;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.client.data.Header;

/**
 * The patterns headers found on one record read from a stream.
 *
 * @param frameRecords {@code _frame_records}, if present (unsigned)
 * @param frameBytes {@code _frame_bytes}, if present (unsigned)
 * @param dedupeSeq {@code _dedupe_seq}, if present (unsigned)
 * @param writerId {@code _writer_id} as UTF-8 text, if present
 */
record ReservedHeaders(@Nullable Long frameRecords, @Nullable Long frameBytes, @Nullable Long dedupeSeq,
		@Nullable String writerId) {

	/**
	 * Whether the record starts a frame: both frame headers are present, as the
	 * TypeScript reader requires.
	 * @return whether this is a first chunk
	 */
	boolean startsFrame() {
		return this.frameRecords != null && this.frameBytes != null;
	}

	/**
	 * A record's headers without the patterns headers: the headers of the message it
	 * starts (or is).
	 * @param headers the record's headers
	 * @return the other headers, in order; the same list if there is no patterns header
	 */
	static List<Header> userHeaders(List<Header> headers) {
		int reserved = 0;
		for (Header header : headers) {
			if (PatternHeaders.isReserved(header.name())) {
				reserved++;
			}
		}
		if (reserved == 0) {
			return headers;
		}
		if (reserved == headers.size()) {
			return List.of();
		}
		List<Header> user = new ArrayList<>(headers.size() - reserved);
		for (Header header : headers) {
			if (!PatternHeaders.isReserved(header.name())) {
				user.add(header);
			}
		}
		return List.copyOf(user);
	}

	/**
	 * Finds the patterns headers; for a repeated header the last one counts.
	 * @param headers the record's headers
	 * @return the headers found
	 * @throws MalformedHeaderException if a numeric header is not 8 bytes
	 */
	static ReservedHeaders parse(List<Header> headers) {
		Long frameRecords = null;
		Long frameBytes = null;
		Long dedupeSeq = null;
		String writerId = null;
		for (Header header : headers) {
			ByteBuffer name = header.name();
			if (name.equals(PatternHeaders.FRAME_RECORDS_NAME)) {
				frameRecords = PatternHeaders.decodeU64(PatternHeaders.FRAME_RECORDS, header.value());
			}
			else if (name.equals(PatternHeaders.FRAME_BYTES_NAME)) {
				frameBytes = PatternHeaders.decodeU64(PatternHeaders.FRAME_BYTES, header.value());
			}
			else if (name.equals(PatternHeaders.DEDUPE_SEQ_NAME)) {
				dedupeSeq = PatternHeaders.decodeU64(PatternHeaders.DEDUPE_SEQ, header.value());
			}
			else if (name.equals(PatternHeaders.WRITER_ID_NAME)) {
				writerId = header.valueAsString();
			}
		}
		return new ReservedHeaders(frameRecords, frameBytes, dedupeSeq, writerId);
	}

}
