package io.github.s2spring.listener;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import io.github.s2spring.client.data.AppendAck;
import io.github.s2spring.client.data.AppendBatch;
import io.github.s2spring.client.data.AppendRecord;
import io.github.s2spring.client.data.AppendSession;
import io.github.s2spring.client.data.AppendTicket;
import io.github.s2spring.client.data.Header;
import io.github.s2spring.client.data.ReadBatch;
import io.github.s2spring.client.data.SequencedRecord;
import io.github.s2spring.client.data.SessionState;
import io.github.s2spring.client.error.S2Exception;
import io.github.s2spring.client.patterns.MessageWriterOptions;
import io.github.s2spring.client.patterns.S2Serializer;
import io.github.s2spring.client.patterns.SerializingAppendSession;
import io.github.s2spring.listener.MessageDecoder.Decoded;
import io.github.s2spring.protocol.StreamPosition;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MessageDecoder} on records written by the SDK's patterns writer: messages
 * reassembled and deduplicated, headers from each message's first record, and commit
 * positions that never skip a message still being reassembled.
 */
class MessageDecoderTests {

	private final List<SequencedRecord> stream = new ArrayList<>();

	@Test
	void commitPositionWaitsForAMessageOfAnotherWriterStillBeingReassembled() {
		List<AppendRecord> large = frames("large", "x".repeat(30), 10);
		List<AppendRecord> small = frames("small", "hi", 10);
		append(large.get(0), large.get(1));
		append(small.get(0));
		append(large.get(2));
		MessageDecoder decoder = new MessageDecoder("b", "s");
		Decoded first = decoder.decode(batch(0, 3));
		assertThat(first.messages()).singleElement().satisfies((message) -> {
			assertThat(new String(message.message().payload(), StandardCharsets.UTF_8)).isEqualTo("hi");
			assertThat(message.message().metadata().seqNum()).isEqualTo(2);
			assertThat(message.commitPosition()).isZero();
		});
		assertThat(first.commitPosition()).isZero();
		Decoded second = decoder.decode(batch(3, 4));
		assertThat(second.messages()).singleElement().satisfies((message) -> {
			assertThat(message.message().payload()).hasSize(30);
			assertThat(message.message().metadata().seqNum()).isZero();
			assertThat(message.message().metadata().lastSeqNum()).isEqualTo(3);
			assertThat(message.message().metadata().headers()).containsEntry("name", "large");
			assertThat(message.records()).isEqualTo(3);
			assertThat(message.commitPosition()).isEqualTo(4);
		});
		assertThat(second.commitPosition()).isEqualTo(4);
	}

	@Test
	void commandRecordsAndResentRecordsAreSkipped() {
		List<AppendRecord> note = frames("note", "note", 100);
		append(note.get(0));
		append(AppendRecord.trim(0));
		append(note.get(0));
		append(AppendRecord.of("plain").withHeader("kind", "raw"));
		Decoded decoded = new MessageDecoder("b", "s").decode(batch(0, 4));
		assertThat(decoded.messages()).hasSize(2);
		assertThat(decoded.messages().get(0).message().metadata().headers()).containsEntry("name", "note");
		assertThat(decoded.messages().get(0).commitPosition()).isEqualTo(1);
		assertThat(decoded.messages().get(1).message().metadata().headers())
			.containsExactly(java.util.Map.entry("kind", "raw"));
		assertThat(decoded.messages().get(1).message().metadata().writerId()).isNull();
		assertThat(decoded.commitPosition()).isEqualTo(4);
	}

	@Test
	void framesCutShortAreReportedAsFailures() {
		List<AppendRecord> records = frames("cut", "y".repeat(20), 10, "z");
		append(records.get(0), records.get(2));
		Decoded decoded = new MessageDecoder("b", "s").decode(batch(0, 2));
		assertThat(decoded.failures()).singleElement()
			.satisfies((failure) -> assertThat(failure.description()).contains("Partial frame dropped"));
		assertThat(decoded.messages()).singleElement()
			.satisfies((message) -> assertThat(message.message().payload()).containsExactly('z'));
		assertThat(decoded.commitPosition()).isEqualTo(2);
	}

	private List<AppendRecord> frames(String name, String payload, int chunkBytes, String... more) {
		CapturingAppendSession session = new CapturingAppendSession();
		SerializingAppendSession<byte[]> writer = SerializingAppendSession.of(session, S2Serializer.bytes(),
				MessageWriterOptions.builder().chunkBytes(chunkBytes).build());
		writer.send(payload.getBytes(StandardCharsets.UTF_8), List.of(Header.of("name", name))).join();
		for (String next : more) {
			writer.send(next.getBytes(StandardCharsets.UTF_8)).join();
		}
		return session.records;
	}

	private void append(AppendRecord... records) {
		for (AppendRecord record : records) {
			List<Header> headers = record.headers();
			this.stream.add(new SequencedRecord(this.stream.size(), 1000 + this.stream.size(), headers, record.body()));
		}
	}

	private ReadBatch batch(int from, int to) {
		return new ReadBatch(this.stream.subList(from, to), null);
	}

	/**
	 * Acknowledges every batch at once and keeps its records.
	 */
	private static final class CapturingAppendSession implements AppendSession {

		final List<AppendRecord> records = new ArrayList<>();

		@Override
		public CompletableFuture<AppendTicket> submit(AppendBatch batch) {
			return CompletableFuture.completedFuture(trySubmit(batch));
		}

		@Override
		public AppendTicket trySubmit(AppendBatch batch) {
			this.records.addAll(batch.records());
			StreamPosition end = new StreamPosition(this.records.size(), 0);
			return new AppendTicket(batch, CompletableFuture.completedFuture(new AppendAck(end, end, end)));
		}

		@Override
		public CompletableFuture<AppendAck> appendAsync(AppendBatch batch) {
			return trySubmit(batch).ack();
		}

		@Override
		public AppendAck append(AppendBatch batch) {
			return appendAsync(batch).join();
		}

		@Override
		public CompletableFuture<Void> closeAsync() {
			return CompletableFuture.completedFuture(null);
		}

		@Override
		public void close() {
		}

		@Override
		public @Nullable S2Exception failure() {
			return null;
		}

		@Override
		public SessionState state() {
			throw new UnsupportedOperationException();
		}

	}

}
