package io.github.s2spring.client.patterns;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.s2spring.client.data.Header;
import io.github.s2spring.client.error.ValidationException;

/**
 * Drops records that a writer sent again, by their {@code _dedupe_seq}: a record is kept
 * only if its sequence is above the last one kept from the same {@code _writer_id}.
 * Records without {@code _dedupe_seq} are always kept; a sequence without a writer id is
 * kept under {@value #LEGACY_WRITER_ID}, as in the TypeScript {@code DedupeFilter}.
 * <p>
 * For one writer at a time this decides exactly like the TypeScript filter. Unlike it,
 * the last sequence is kept per writer (the least recently seen writers are forgotten
 * beyond {@code maxWriters}), so writers that interleave, or a writer whose resent
 * batches land after another writer's records, are filtered correctly too. Not
 * thread-safe: one filter per reader.
 */
final class DedupeFilter {

	/** The writer id of dedupe sequences written without {@code _writer_id}. */
	public static final String LEGACY_WRITER_ID = "__legacy__";

	private final Map<String, Long> lastSeqByWriter;

	/**
	 * Creates a filter.
	 * @param maxWriters how many writers to remember, at least 1
	 */
	DedupeFilter(int maxWriters) {
		if (maxWriters < 1) {
			throw new ValidationException("max writers", maxWriters, "must be at least 1");
		}
		this.lastSeqByWriter = new LinkedHashMap<>(16, 0.75f, true) {

			private static final long serialVersionUID = 1L;

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
				return size() > maxWriters;
			}

		};
	}

	/**
	 * Decides on one record.
	 * @param headers the record's headers
	 * @return whether to keep the record
	 * @throws MalformedHeaderException if {@code _dedupe_seq} is not 8 bytes
	 */
	boolean accept(List<Header> headers) {
		return accept(ReservedHeaders.parse(headers));
	}

	boolean accept(ReservedHeaders headers) {
		Long seq = headers.dedupeSeq();
		if (seq == null) {
			return true;
		}
		String writer = (headers.writerId() != null) ? headers.writerId() : LEGACY_WRITER_ID;
		Long last = this.lastSeqByWriter.get(writer);
		if (last == null || Long.compareUnsigned(seq, last) > 0) {
			this.lastSeqByWriter.put(writer, seq);
			return true;
		}
		return false;
	}

	/**
	 * How many writers the filter remembers now.
	 * @return the number of writers
	 */
	int trackedWriters() {
		return this.lastSeqByWriter.size();
	}

}
