package io.github.s2spring.support;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Where a message came from: its basin and stream, the sequence numbers of its first and
 * last records (a large message spans several records), the timestamp of its first
 * record, its headers and the patterns writer id that wrote it. A listener method
 * receives it as an argument.
 *
 * @param basin the basin
 * @param stream the stream
 * @param seqNum the seq num of the message's first record
 * @param lastSeqNum the seq num of the message's last record
 * @param timestamp the timestamp of the first record, milliseconds since the Unix epoch
 * @param headers the message's headers as UTF-8 text (patterns headers excluded; for a
 * repeated name the last value)
 * @param writerId the {@code _writer_id} of the writer, or {@code null} for records
 * written without dedupe
 */
public record S2RecordMetadata(String basin, String stream, long seqNum, long lastSeqNum, long timestamp,
		Map<String, String> headers, @Nullable String writerId) {

	public S2RecordMetadata {
		headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
	}

	/**
	 * The sequence number after this message: where a listener resumes once it is
	 * processed.
	 * @return {@code lastSeqNum + 1}
	 */
	public long nextSeqNum() {
		return this.lastSeqNum + 1;
	}

}
