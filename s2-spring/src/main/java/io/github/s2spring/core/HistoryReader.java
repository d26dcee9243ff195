package io.github.s2spring.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.core.log.LogAccessor;

import io.github.s2spring.client.data.Header;
import io.github.s2spring.client.data.ReadBatch;
import io.github.s2spring.client.data.ReadOptions;
import io.github.s2spring.client.data.S2Stream;
import io.github.s2spring.client.error.RangeNotSatisfiableException;
import io.github.s2spring.client.patterns.MessageReader;
import io.github.s2spring.client.patterns.ReadOutcome;
import io.github.s2spring.client.patterns.S2Serializer;
import io.github.s2spring.support.S2MessageConverter;
import io.github.s2spring.support.S2RecordMetadata;
import io.github.s2spring.support.S2StartPosition;

/**
 * Reads a stream's history as messages with unary reads, batch after batch, through the
 * patterns reader (dedupe, reassembly) and the converter. A message that cannot be
 * converted is skipped and logged with its seq num.
 */
final class HistoryReader {

	private static final LogAccessor logger = new LogAccessor(HistoryReader.class);

	private final S2Stream stream;

	private final S2MessageConverter converter;

	HistoryReader(S2Stream stream, S2MessageConverter converter) {
		this.stream = stream;
		this.converter = converter;
	}

	<T> List<S2ReceivedMessage<T>> read(Class<T> type, S2StartPosition from, int count) {
		if (count < 0) {
			throw new IllegalArgumentException("count must not be negative, got " + count);
		}
		List<S2ReceivedMessage<T>> messages = new ArrayList<>();
		MessageReader<byte[]> reader = new MessageReader<>(S2Serializer.bytes());
		ReadOptions options = start(from);
		while (messages.size() < count) {
			ReadBatch batch = readOrEmpty(options);
			if (batch == null || batch.isEmpty()) {
				break;
			}
			for (ReadOutcome<byte[]> outcome : reader.read(batch)) {
				if (outcome instanceof ReadOutcome.Message<byte[]> message && messages.size() < count) {
					convert(type, message, messages);
				}
				else if (outcome instanceof ReadOutcome.Failure<byte[]> failure) {
					logger.warn(() -> "Skipped records " + failure.seqNum() + " to " + failure.lastSeqNum()
							+ " of S2 stream '" + this.stream.name() + "': " + failure.description());
				}
			}
			long next = batch.nextSeqNum();
			if (batch.tail() != null && next >= batch.tail().seqNum()) {
				break;
			}
			options = ReadOptions.fromSeqNum(next);
		}
		return messages;
	}

	/**
	 * Reads one batch, or nothing when the start is at or beyond the tail: history ends
	 * there.
	 */
	private @Nullable ReadBatch readOrEmpty(ReadOptions options) {
		try {
			return this.stream.read(options);
		}
		catch (RangeNotSatisfiableException ex) {
			return null;
		}
	}

	private <T> void convert(Class<T> type, ReadOutcome.Message<byte[]> message, List<S2ReceivedMessage<T>> into) {
		Map<String, String> headers = new LinkedHashMap<>();
		for (Header header : message.headers()) {
			headers.put(header.nameAsString(), header.valueAsString());
		}
		try {
			T payload = type.cast(this.converter.fromBytes(message.value(), headers, type));
			into.add(new S2ReceivedMessage<>(payload, new S2RecordMetadata(this.stream.basin(), this.stream.name(),
					message.seqNum(), message.lastSeqNum(), message.timestamp(), headers, message.writerId())));
		}
		catch (RuntimeException ex) {
			logger.warn(ex, () -> "Skipped the message at seq num " + message.seqNum() + " of S2 stream '"
					+ this.stream.name() + "': it is not a " + type.getName());
		}
	}

	private static ReadOptions start(S2StartPosition from) {
		if (from instanceof S2StartPosition.SeqNum seqNum) {
			return ReadOptions.fromSeqNum(seqNum.seqNum());
		}
		if (from instanceof S2StartPosition.Timestamp timestamp) {
			return ReadOptions.fromTimestamp(timestamp.timestamp());
		}
		if (from instanceof S2StartPosition.Tail) {
			return ReadOptions.fromTail();
		}
		if (from instanceof S2StartPosition.Beginning) {
			return ReadOptions.fromSeqNum(0);
		}
		throw new IllegalArgumentException(
				"Reading history needs a beginning, tail, seq num or timestamp, not " + from);
	}

}
