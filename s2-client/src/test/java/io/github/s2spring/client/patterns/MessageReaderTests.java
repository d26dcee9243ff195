package io.github.s2spring.client.patterns;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import io.github.s2spring.client.data.AppendRecord;
import io.github.s2spring.client.data.Header;
import io.github.s2spring.client.data.ReadBatch;
import io.github.s2spring.client.data.ReadSession;
import io.github.s2spring.client.data.SequencedRecord;
import io.github.s2spring.client.error.NotFoundException;
import io.github.s2spring.client.error.ValidationException;
import io.github.s2spring.client.patterns.ReadOutcome.Failure;
import io.github.s2spring.client.patterns.ReadOutcome.Message;
import io.github.s2spring.client.patterns.ReadOutcome.Reason;

import static io.github.s2spring.client.patterns.FrameAssemblerTests.frame;
import static io.github.s2spring.client.patterns.TestRecords.record;
import static io.github.s2spring.client.patterns.TestRecords.text;
import static io.github.s2spring.client.patterns.TestRecords.u64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class MessageReaderTests {

	record Event(String name, int n) {
	}

	private final MessageWriterOptions small = MessageWriterOptions.builder().chunkBytes(5).build();

	@Test
	void readsBackWhatTheWriterFramed() {
		MessageFramer framer = new MessageFramer(this.small);
		S2Serializer<Event> json = S2Serializer.json(Event.class);
		List<SequencedRecord> stored = TestRecords.stored(TestRecords.appendRecords(
				framer.frame(json.serialize(new Event("first", 1))), framer.frame(json.serialize(new Event("x", 2)))));
		List<ReadOutcome<Event>> out = TestRecords.read(new MessageReader<>(json), stored);
		assertThat(values(out)).containsExactly(new Event("first", 1), new Event("x", 2));
		Message<Event> first = (Message<Event>) out.get(0);
		assertThat(first.seqNum()).isZero();
		assertThat(first.records()).isEqualTo(first.lastSeqNum() + 1);
		assertThat(first.writerId()).isEqualTo(framer.writerId().value());
		assertThat(first.headers()).isEmpty();
	}

	@Test
	void deserializationErrorIsReportedAndTheStreamGoesOn() {
		MessageReader<Event> reader = new MessageReader<>(S2Serializer.json(Event.class));
		List<ReadOutcome<Event>> out = TestRecords.read(reader,
				List.of(record(0, "not json"), record(1, "{\"name\":\"ok\",\"n\":3}", frame(1, 19))));
		assertThat(out).hasSize(2);
		Failure<Event> failure = (Failure<Event>) out.get(0);
		assertThat(failure.reason()).isEqualTo(Reason.DESERIALIZATION_FAILED);
		assertThat(failure.description()).startsWith("Cannot deserialize the message of 8 bytes at seq num 0");
		assertThat(failure.cause()).isInstanceOf(SerializationException.class);
		assertThat(values(out)).containsExactly(new Event("ok", 3));
	}

	@Test
	void malformedHeaderSkipsTheRecordAndTheStreamGoesOn() {
		MessageReader<String> reader = new MessageReader<>(S2Serializer.string());
		List<ReadOutcome<String>> out = TestRecords.read(reader,
				List.of(record(0, "a", text("_dedupe_seq", "7")), record(1, "b")));
		assertThat(out).hasSize(2);
		assertThat(((Failure<String>) out.get(0)).reason()).isEqualTo(Reason.MALFORMED_HEADER);
		assertThat(((Failure<String>) out.get(0)).description()).contains("_dedupe_seq must hold exactly 8 bytes");
		assertThat(values(out)).containsExactly("b");
	}

	@Test
	void duplicateRecordsOfAMessageAreDropped() {
		MessageFramer framer = new MessageFramer(this.small);
		PreparedMessage message = framer.frame("0123456789abc".getBytes());
		List<AppendRecord> records = TestRecords.appendRecords(message);
		List<AppendRecord> wire = new ArrayList<>(records.subList(0, 2));
		wire.addAll(records);
		wire.addAll(records.subList(1, 3));
		MessageReader<String> reader = new MessageReader<>(S2Serializer.string());
		assertThat(values(TestRecords.read(reader, TestRecords.stored(wire)))).containsExactly("0123456789abc");
		assertThat(reader.duplicatesDropped()).isEqualTo(4);
	}

	@Test
	void withoutDedupeResentRecordsResynchronise() {
		MessageFramer framer = new MessageFramer(this.small);
		List<AppendRecord> records = TestRecords.appendRecords(framer.frame("0123456789".getBytes()));
		List<AppendRecord> wire = new ArrayList<>(records.subList(0, 1));
		wire.addAll(records);
		MessageReader<String> reader = new MessageReader<>(S2Serializer.string(),
				ReaderOptions.defaults().withDedupe(false));
		List<ReadOutcome<String>> out = TestRecords.read(reader, TestRecords.stored(wire));
		assertThat(out).hasSize(2);
		assertThat(((Failure<String>) out.get(0)).reason()).isEqualTo(Reason.PARTIAL_FRAME_DROPPED);
		assertThat(values(out)).containsExactly("0123456789");
	}

	@Test
	void readsBatchesAndHeartbeatsWithAMessageSpanningBatches() {
		MessageReader<String> reader = new MessageReader<>(S2Serializer.string());
		assertThat(reader.read(new ReadBatch(List.of(), null))).isEmpty();
		ReadBatch batch = new ReadBatch(List.of(record(0, "a"), record(1, "b")), null);
		assertThat(values(reader.read(batch))).containsExactly("a", "b");
		assertThat(reader.read(batch(record(2, "ab", frame(2, 3))))).isEmpty();
		assertThat(values(reader.read(batch(record(3, "c"), record(4, "d"))))).containsExactly("abc", "d");
	}

	@Test
	void messagesCarryTheirFirstRecordsHeadersWithoutThePatternsHeaders() {
		MessageReader<String> reader = new MessageReader<>(S2Serializer.string());
		Header type = Header.of("content-type", "text/plain");
		List<ReadOutcome<String>> out = TestRecords.read(reader,
				List.of(record(0, "ab", frame(2, 3, u64("_dedupe_seq", 0), text("_writer_id", "w"), type)),
						record(1, "c", u64("_dedupe_seq", 1), text("_writer_id", "w"), Header.of("ignored", "x")),
						record(2, "plain", type, u64("_dedupe_seq", 7)), record(3, "bare")));
		assertThat(out).extracting((outcome) -> ((Message<String>) outcome).headers())
			.containsExactly(List.of(type), List.of(type), List.of());
		assertThat(values(out)).containsExactly("abc", "plain", "bare");
	}

	@Test
	void iteratesASessionLazilyAndEnds() {
		MessageReader<String> reader = new MessageReader<>(S2Serializer.string());
		ReadSession session = ReadSessions
			.of(List.of(batch(record(0, "ab", frame(2, 3))), batch(), batch(record(1, "c"), record(2, "d"))), null);
		Iterator<ReadOutcome<String>> outcomes = reader.iterate(session);
		assertThat(values(outcomes)).containsExactly("abc", "d");
		assertThat(outcomes.hasNext()).isFalse();
		assertThatExceptionOfType(java.util.NoSuchElementException.class).isThrownBy(outcomes::next);
	}

	@Test
	void iteratorThrowsTheFailureThatEndedTheSession() {
		MessageReader<String> reader = new MessageReader<>(S2Serializer.string());
		NotFoundException gone = new NotFoundException("stream_not_found", "gone");
		Iterator<ReadOutcome<String>> outcomes = reader.iterate(ReadSessions.of(List.of(batch(record(0, "a"))), gone));
		assertThat(values(List.of(outcomes.next()))).containsExactly("a");
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(outcomes::hasNext).isSameAs(gone);
	}

	@Test
	void publisherPassesDemandOnAndDeliversInOrder() {
		MessageReader<String> reader = new MessageReader<>(S2Serializer.string());
		SubmissionPublisher<ReadBatch> upstream = new SubmissionPublisher<>();
		try {
			Collector<String> collector = new Collector<>();
			reader.publish(ReadSessions.publishing(upstream)).subscribe(collector);
			await().atMost(10, TimeUnit.SECONDS).until(() -> upstream.getNumberOfSubscribers() == 1);
			for (int i = 0; i < 50; i++) {
				upstream.submit(batch(record(2L * i, "m" + i + "-", frame(2, ("m" + i + "-x").length())),
						record(2L * i + 1, "x")));
			}
			upstream.close();
			await().atMost(10, TimeUnit.SECONDS).until(() -> collector.completed);
			List<String> expected = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				expected.add("m" + i + "-x");
			}
			assertThat(collector.values()).containsExactlyElementsOf(expected);
			assertThat(collector.error).isNull();
		}
		finally {
			upstream.close();
		}
	}

	@Test
	void publisherFailsOnFrameSizeAndCancelsUpstream() {
		MessageReader<String> reader = new MessageReader<>(S2Serializer.string(),
				ReaderOptions.defaults().withMaxFrameBytes(10));
		try (SubmissionPublisher<ReadBatch> upstream = new SubmissionPublisher<>()) {
			Collector<String> collector = new Collector<>();
			reader.publish(ReadSessions.publishing(upstream)).subscribe(collector);
			await().atMost(10, TimeUnit.SECONDS).until(() -> upstream.getNumberOfSubscribers() == 1);
			upstream.submit(batch(record(0, "fine")));
			upstream.submit(batch(record(1, "x", frame(1, 11))));
			upstream.submit(batch(record(2, "never")));
			await().atMost(10, TimeUnit.SECONDS).until(() -> collector.error != null);
			assertThat(collector.values()).containsExactly("fine");
			assertThat(collector.error).isInstanceOf(FrameSizeException.class);
			await().atMost(10, TimeUnit.SECONDS).until(() -> upstream.getNumberOfSubscribers() == 0);
		}
	}

	@Test
	void publisherRejectsNonPositiveDemandAndPassesUpstreamErrors() {
		MessageReader<String> reader = new MessageReader<>(S2Serializer.string());
		try (SubmissionPublisher<ReadBatch> upstream = new SubmissionPublisher<>()) {
			Collector<String> collector = new Collector<>(0);
			reader.publish(ReadSessions.publishing(upstream)).subscribe(collector);
			await().atMost(10, TimeUnit.SECONDS).until(() -> collector.error != null);
			assertThat(collector.error).isInstanceOf(IllegalArgumentException.class);
		}
		SubmissionPublisher<ReadBatch> failing = new SubmissionPublisher<>();
		Collector<String> collector = new Collector<>();
		reader.publish(ReadSessions.publishing(failing)).subscribe(collector);
		await().atMost(10, TimeUnit.SECONDS).until(() -> failing.getNumberOfSubscribers() == 1);
		failing.closeExceptionally(new IllegalStateException("session ended"));
		await().atMost(10, TimeUnit.SECONDS).until(() -> collector.error != null);
		assertThat(collector.error).hasMessage("session ended");
	}

	@Test
	void publisherStopsOnCancel() {
		MessageReader<String> reader = new MessageReader<>(S2Serializer.string());
		try (SubmissionPublisher<ReadBatch> upstream = new SubmissionPublisher<>()) {
			Collector<String> collector = new Collector<>();
			reader.publish(ReadSessions.publishing(upstream)).subscribe(collector);
			await().atMost(10, TimeUnit.SECONDS).until(() -> collector.subscription != null);
			collector.subscription.cancel();
			await().atMost(10, TimeUnit.SECONDS).until(() -> upstream.getNumberOfSubscribers() == 0);
			assertThat(collector.values()).isEmpty();
		}
	}

	@Test
	void readerOptionsAreChecked() {
		ReaderOptions options = ReaderOptions.defaults().withMaxWriters(3).withMaxOpenFrames(2);
		assertThat(options).isEqualTo(new ReaderOptions(true, 3, 100L * 1024 * 1024, 2));
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> ReaderOptions.defaults().withMaxWriters(0))
			.withMessageContaining("max writers");
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> ReaderOptions.defaults().withMaxFrameBytes(0))
			.withMessageContaining("max frame bytes");
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> ReaderOptions.defaults().withMaxOpenFrames(0))
			.withMessageContaining("max open frames");
	}

	@Test
	void dedupeFilterSeesSequenceWithoutWriterAsLegacy() {
		MessageReader<String> reader = new MessageReader<>(S2Serializer.string());
		List<ReadOutcome<String>> out = TestRecords.read(reader, List.of(record(0, "a", u64("_dedupe_seq", 1)),
				record(1, "a", u64("_dedupe_seq", 1)), record(2, "b", u64("_dedupe_seq", 1), text("_writer_id", "w"))));
		assertThat(values(out)).containsExactly("a", "b");
	}

	static ReadBatch batch(SequencedRecord... records) {
		return new ReadBatch(List.of(records), null);
	}

	static <T> List<T> values(List<ReadOutcome<T>> outcomes) {
		return values(outcomes.iterator());
	}

	static <T> List<T> values(Iterator<ReadOutcome<T>> outcomes) {
		List<T> values = new ArrayList<>();
		outcomes.forEachRemaining((outcome) -> {
			if (outcome instanceof Message<T> message) {
				values.add(message.value());
			}
		});
		return values;
	}

	static final class Collector<T> implements Flow.Subscriber<ReadOutcome<T>> {

		final List<ReadOutcome<T>> items = new CopyOnWriteArrayList<>();

		final long initialDemand;

		volatile Flow.@Nullable Subscription subscription;

		volatile boolean completed;

		volatile @Nullable Throwable error;

		Collector() {
			this(1);
		}

		Collector(long initialDemand) {
			this.initialDemand = initialDemand;
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			this.subscription = subscription;
			subscription.request(this.initialDemand);
		}

		@Override
		public void onNext(ReadOutcome<T> item) {
			this.items.add(item);
			this.subscription.request(1);
		}

		@Override
		public void onError(Throwable throwable) {
			this.error = throwable;
		}

		@Override
		public void onComplete() {
			this.completed = true;
		}

		List<T> values() {
			return MessageReaderTests.values(this.items);
		}

	}

}
