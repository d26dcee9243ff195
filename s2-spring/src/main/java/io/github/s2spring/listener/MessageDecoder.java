package io.github.s2spring.listener;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.github.s2spring.client.data.Header;
import io.github.s2spring.client.data.ReadBatch;
import io.github.s2spring.client.data.SequencedRecord;
import io.github.s2spring.client.patterns.MessageReader;
import io.github.s2spring.client.patterns.ReadOutcome;
import io.github.s2spring.client.patterns.S2Serializer;
import io.github.s2spring.core.S2ReceivedMessage;
import io.github.s2spring.support.S2Headers;
import io.github.s2spring.support.S2RecordMetadata;

/**
 * Turns the read batches of one stream into messages with the patterns
 * {@link MessageReader} (dedupe and reassembly), adds each message's headers (those of
 * its first record) and works out, for each message, the position that is safe to commit
 * once it is processed: past it, unless a message of another writer that started before
 * it is still incomplete. Command records (fencing, trimming) are skipped. Part of
 * {@link StreamReader}; confined to the stream's delivery thread.
 */
final class MessageDecoder {

	/** The patterns header that, with {@link #FRAME_BYTES}, starts a message's frame. */
	private static final String FRAME_RECORDS = "_frame_records";

	private static final String FRAME_BYTES = "_frame_bytes";

	private final String basin;

	private final String stream;

	private final MessageReader<byte[]> reader = new MessageReader<>(S2Serializer.bytes());

	private final TreeSet<Long> openFrames = new TreeSet<>();

	private final Map<Long, Map<String, String>> openFrameHeaders = new HashMap<>();

	MessageDecoder(String basin, String stream) {
		this.basin = basin;
		this.stream = stream;
	}

	String basin() {
		return this.basin;
	}

	String stream() {
		return this.stream;
	}

	/**
	 * Decodes the next batch of the stream.
	 * @param batch a non-empty batch
	 * @return its messages, failures and commit positions
	 * @throws io.github.s2spring.client.patterns.FrameSizeException if a record starts a
	 * frame over the limit
	 */
	Decoded decode(ReadBatch batch) {
		List<DecodedMessage> messages = new ArrayList<>();
		List<ReadOutcome.Failure<byte[]>> failures = new ArrayList<>(0);
		for (SequencedRecord record : batch.records()) {
			if (record.isCommand()) {
				continue;
			}
			// one record at a time: the records that start a frame still open bound the
			// position that is safe to commit
			long duplicates = this.reader.duplicatesDropped();
			List<ReadOutcome<byte[]>> outcomes = this.reader.read(new ReadBatch(List.of(record), null));
			if (outcomes.isEmpty() && this.reader.duplicatesDropped() == duplicates && startsFrame(record)) {
				this.openFrames.add(record.seqNum());
				Map<String, String> headers = userHeaders(record);
				if (!headers.isEmpty()) {
					this.openFrameHeaders.put(record.seqNum(), headers);
				}
			}
			for (ReadOutcome<byte[]> outcome : outcomes) {
				this.openFrames.remove(outcome.seqNum());
				Map<String, String> frameHeaders = this.openFrameHeaders.remove(outcome.seqNum());
				if (outcome instanceof ReadOutcome.Message<byte[]> message) {
					Map<String, String> headers = (message.seqNum() == record.seqNum()) ? userHeaders(record)
							: (frameHeaders != null) ? frameHeaders : Collections.emptyMap();
					S2RecordMetadata metadata = new S2RecordMetadata(this.basin, this.stream, message.seqNum(),
							message.lastSeqNum(), message.timestamp(), headers, message.writerId());
					messages.add(new DecodedMessage(new S2ReceivedMessage<>(message.value(), metadata),
							message.records(), commitPosition(record.seqNum() + 1)));
				}
				else if (outcome instanceof ReadOutcome.Failure<byte[]> failure) {
					failures.add(failure);
				}
			}
		}
		return new Decoded(messages, failures, commitPosition(batch.nextSeqNum()));
	}

	private long commitPosition(long next) {
		return this.openFrames.isEmpty() ? next : Math.min(next, this.openFrames.first());
	}

	private static boolean startsFrame(SequencedRecord record) {
		boolean records = false;
		boolean bytes = false;
		for (Header header : record.headers()) {
			String name = header.nameAsString();
			records |= name.equals(FRAME_RECORDS);
			bytes |= name.equals(FRAME_BYTES);
		}
		return records && bytes;
	}

	private static Map<String, String> userHeaders(SequencedRecord record) {
		Map<String, String> headers = null;
		for (Header header : record.headers()) {
			String name = header.nameAsString();
			if (!S2Headers.isReserved(name)) {
				if (headers == null) {
					headers = new LinkedHashMap<>();
				}
				headers.put(name, header.valueAsString());
			}
		}
		return (headers != null) ? headers : Collections.emptyMap();
	}

	/**
	 * A message and the position to commit once it is processed.
	 *
	 * @param message the message
	 * @param records how many records it took
	 * @param commitPosition the position to commit after it
	 */
	record DecodedMessage(S2ReceivedMessage<byte[]> message, int records, long commitPosition) {

	}

	/**
	 * A decoded batch.
	 *
	 * @param messages the messages, in order
	 * @param failures records that made no message (dropped frames, malformed headers)
	 * @param commitPosition the position to commit once every message is processed
	 */
	record Decoded(List<DecodedMessage> messages, List<ReadOutcome.Failure<byte[]>> failures, long commitPosition) {

	}

}
