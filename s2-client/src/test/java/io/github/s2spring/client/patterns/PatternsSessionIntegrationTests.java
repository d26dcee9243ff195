package io.github.s2spring.client.patterns;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.s2spring.client.S2Client;
import io.github.s2spring.client.TestServers;
import io.github.s2spring.client.data.AppendBatch;
import io.github.s2spring.client.data.AppendRecord;
import io.github.s2spring.client.data.AppendSession;
import io.github.s2spring.client.data.Header;
import io.github.s2spring.client.data.ReadOptions;
import io.github.s2spring.client.data.ReadSession;
import io.github.s2spring.client.data.S2Stream;
import io.github.s2spring.client.error.FencingTokenMismatchException;
import io.github.s2spring.client.error.NotFoundException;
import io.github.s2spring.client.error.OverloadedException;
import io.github.s2spring.client.error.S2Exception;
import io.github.s2spring.client.error.SeqNumMismatchException;
import io.github.s2spring.client.control.model.CreateStreamRequest;
import io.github.s2spring.embedded.junit.FaultProxy;
import io.github.s2spring.client.patterns.ReadOutcome.Message;
import io.github.s2spring.embedded.S2EmbeddedServer;
import io.github.s2spring.embedded.config.BasinSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The typed writer and reader on real append and read sessions of s2-embedded, over
 * sockets: batch boundaries seen in the server's acknowledgements, linger, bounds, flush,
 * close, conditions, headers, a 100 MiB message and a permanent failure.
 */
class PatternsSessionIntegrationTests {

	private static final String STRICT_BASIN = "patterns-strict";

	private static S2EmbeddedServer server;

	private static S2Client client;

	record Note(int n, String text) {
	}

	@BeforeAll
	static void start() {
		server = TestServers.start();
		server.store().createBasin(STRICT_BASIN, BasinSpec.DEFAULT, null);
		client = S2Client.create(TestServers.config(server.baseUrl()).build());
	}

	@AfterAll
	static void stop() {
		client.close();
		server.close();
	}

	@Test
	void messagesSentWhileABatchIsInFlightArriveInFullBatches() throws Exception {
		S2Stream stream = stream("coalesced");
		ObservedSession observed = ObservedSession.of(stream.appendSession());
		SerializingAppendSession<Note> writer = SerializingAppendSession.of(observed.session(),
				S2Serializer.json(Note.class), MessageWriterOptions.builder().maxQueuedMessages(5000).build());
		observed.close();
		List<CompletableFuture<MessageAck>> acks = new ArrayList<>();
		List<Note> notes = notes(2501);
		notes.forEach((note) -> acks.add(writer.send(note)));
		observed.open();
		CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
		assertThat(observed.acks()).extracting((ack) -> ack.start().seqNum(), (ack) -> ack.end().seqNum())
			.containsExactly(org.assertj.core.groups.Tuple.tuple(0L, 1L),
					org.assertj.core.groups.Tuple.tuple(1L, 1001L), org.assertj.core.groups.Tuple.tuple(1001L, 2001L),
					org.assertj.core.groups.Tuple.tuple(2001L, 2501L));
		for (int i = 0; i < notes.size(); i++) {
			assertThat(acks.get(i).join().start().seqNum()).isEqualTo(i);
		}
		writer.close();
		assertThat(readAll(stream, 2501)).extracting(Message::value).containsExactlyElementsOf(notes);
	}

	@Test
	void lingerSubmitsABatchBehindOneInFlightOnlyWithALinger() throws Exception {
		try (FaultProxy proxy = new FaultProxy(server.port());
				S2Client slow = S2Client
					.create(TestServers.config(proxy.baseUrl()).requestTimeout(Duration.ofSeconds(20)).build())) {
			for (Duration linger : List.of(Duration.ofMillis(200), Duration.ZERO)) {
				proxy.latency(0);
				S2Stream stream = slow.basin(TestServers.BASIN).stream("linger-" + linger.toMillis());
				ObservedSession observed = ObservedSession.of(stream.appendSession());
				SerializingAppendSession<String> writer = SerializingAppendSession.of(observed.session(),
						S2Serializer.string(), MessageWriterOptions.builder().linger(linger).build());
				writer.send("connects the session").get(30, TimeUnit.SECONDS);
				proxy.latency(1000);
				writer.send("in flight");
				long sent = System.nanoTime();
				CompletableFuture<MessageAck> waiting = writer.send("waits");
				await().atMost(30, TimeUnit.SECONDS).until(() -> observed.submitted().size() == 3);
				ObservedSession.Submitted inFlight = observed.submitted().get(1);
				ObservedSession.Submitted next = observed.submitted().get(2);
				if (linger.isZero()) {
					assertThat(next.nanos()).isGreaterThanOrEqualTo(inFlight.ackNanos().join());
				}
				else {
					assertThat(Duration.ofNanos(next.nanos() - sent)).isGreaterThanOrEqualTo(linger);
					assertThat(inFlight.ackNanos()).isNotDone();
				}
				assertThat(next.batch().size()).isEqualTo(1);
				waiting.get(30, TimeUnit.SECONDS);
				writer.close();
			}
		}
	}

	@Test
	void beyondMaxQueuedMessagesSendIsRefusedAndNothingIsStamped() throws Exception {
		S2Stream stream = stream("bounded");
		ObservedSession observed = ObservedSession.of(stream.appendSession());
		SerializingAppendSession<Note> writer = SerializingAppendSession.of(observed.session(),
				S2Serializer.json(Note.class), MessageWriterOptions.builder().maxQueuedMessages(10).build());
		observed.close();
		List<CompletableFuture<MessageAck>> accepted = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			accepted.add(writer.send(new Note(i, "accepted")));
		}
		CompletableFuture<MessageAck> refused = writer.send(new Note(10, "refused"));
		assertThat(refused).isCompletedExceptionally();
		assertThat(refused).failsWithin(Duration.ZERO)
			.withThrowableThat()
			.withCauseInstanceOf(OverloadedException.class);
		assertThat(writer.queuedMessages()).isEqualTo(10);
		assertThat(writer.nextDedupeSeq()).isEqualTo(10);
		observed.open();
		CompletableFuture.allOf(accepted.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
		assertThat(writer.send(new Note(11, "later")).get(30, TimeUnit.SECONDS).start().seqNum()).isEqualTo(10);
		writer.close();
		List<Message<Note>> read = readAll(stream, 11);
		assertThat(read).extracting((message) -> message.value().n()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11);
		assertThat(stream.read(ReadOptions.fromSeqNum(10)).records().get(0).headers())
			.contains(TestRecords.u64("_dedupe_seq", 10));
	}

	@Test
	void flushDoesNotWaitForTheLingerAndCompletesOnceEverythingSentIsAcknowledged() throws Exception {
		S2Stream stream = stream("flushed");
		ObservedSession observed = ObservedSession.of(stream.appendSession());
		SerializingAppendSession<Note> writer = SerializingAppendSession.of(observed.session(),
				S2Serializer.json(Note.class), MessageWriterOptions.builder().linger(Duration.ofHours(1)).build());
		observed.close();
		List<CompletableFuture<MessageAck>> sent = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			sent.add(writer.send(new Note(i, "flushed")));
		}
		CompletableFuture<Void> flushed = writer.flush();
		assertThat(flushed).isNotDone();
		observed.open();
		flushed.get(30, TimeUnit.SECONDS);
		assertThat(sent).allMatch((future) -> future.isDone() && !future.isCompletedExceptionally());
		assertThat(observed.batches()).extracting(AppendBatch::size).containsExactly(1, 2);
		writer.close();
	}

	@Test
	void closeFlushesEverythingThenClosesTheSession() throws Exception {
		S2Stream stream = stream("closed");
		AppendSession session = stream.appendSession();
		SerializingAppendSession<Note> writer = SerializingAppendSession.of(session, S2Serializer.json(Note.class));
		List<CompletableFuture<MessageAck>> sent = new ArrayList<>();
		notes(100).forEach((note) -> sent.add(writer.send(note)));
		writer.closeAsync().get(30, TimeUnit.SECONDS);
		assertThat(sent).allMatch((future) -> future.isDone() && !future.isCompletedExceptionally());
		assertThat(stream.checkTail().seqNum()).isEqualTo(100);
		assertThat(writer.send(new Note(100, "late"))).failsWithin(Duration.ZERO)
			.withThrowableThat()
			.withCauseInstanceOf(WriterClosedException.class);
		assertThat(session.appendAsync(AppendBatch.of(AppendRecord.of("after close"))))
			.failsWithin(Duration.ofSeconds(10));
	}

	@Test
	void matchSeqNumIsChainedAcrossBatchesAndAConflictingWriterFails() throws Exception {
		S2Stream stream = stream("chained");
		stream.append(AppendBatch.of(AppendRecord.of("a"), AppendRecord.of("b"), AppendRecord.of("c")));
		ObservedSession observed = ObservedSession.of(stream.appendSession());
		SerializingAppendSession<Note> writer = SerializingAppendSession.of(observed.session(),
				S2Serializer.json(Note.class),
				MessageWriterOptions.builder().matchSeqNum(3).maxQueuedMessages(2000).build());
		observed.close();
		List<CompletableFuture<MessageAck>> sent = new ArrayList<>();
		notes(1501).forEach((note) -> sent.add(writer.send(note)));
		observed.open();
		CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
		assertThat(observed.batches()).extracting(AppendBatch::size, AppendBatch::matchSeqNum)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1, 3L), org.assertj.core.groups.Tuple.tuple(1000, 4L),
					org.assertj.core.groups.Tuple.tuple(500, 1004L));
		writer.close();
		assertThat(stream.checkTail().seqNum()).isEqualTo(1504);

		SerializingAppendSession<Note> stale = SerializingAppendSession.of(stream.appendSession(),
				S2Serializer.json(Note.class), MessageWriterOptions.builder().matchSeqNum(3).build());
		MessageAppendException failure = SerializingAppendSessionTests.failure(stale.send(new Note(0, "stale")));
		assertThat(failure.getCause()).isInstanceOfSatisfying(SeqNumMismatchException.class,
				(mismatch) -> assertThat(mismatch.expectedSeqNum()).isEqualTo(1504));
		assertThat(stale.send(new Note(1, "refused"))).failsWithin(Duration.ZERO)
			.withThrowableThat()
			.withCauseInstanceOf(WriterClosedException.class);
		assertThatExceptionOfType(SeqNumMismatchException.class).isThrownBy(stale::close);
		assertThat(stream.checkTail().seqNum()).isEqualTo(1504);
	}

	@Test
	void aFencedWriterStopsOnceAnotherWriterFencesTheStream() throws Exception {
		S2Stream stream = stream("fenced");
		stream.fence("writer-1", null);
		ObservedSession observed = ObservedSession.of(stream.appendSession());
		SerializingAppendSession<Note> writer = SerializingAppendSession.of(observed.session(),
				S2Serializer.json(Note.class), MessageWriterOptions.builder().fencingToken("writer-1").build());
		assertThat(writer.send(new Note(1, "kept")).get(30, TimeUnit.SECONDS).start().seqNum()).isEqualTo(1);
		stream.fence("writer-2", "writer-1");
		MessageAppendException failure = SerializingAppendSessionTests.failure(writer.send(new Note(2, "refused")));
		assertThat(failure.getCause()).isInstanceOf(FencingTokenMismatchException.class);
		assertThat(observed.batches()).extracting(AppendBatch::fencingToken).containsOnly("writer-1");
		assertThatExceptionOfType(FencingTokenMismatchException.class).isThrownBy(writer::close);
		assertThat(stream.checkTail().seqNum()).isEqualTo(3);
	}

	@Test
	void headersGoFromTheJavaWriterToTheJavaReaderThroughAPublisher() throws Exception {
		S2Stream stream = stream("headers");
		Header type = Header.of("content-type", "application/json");
		Header large = Header.of("x-large", "v".repeat(100_000));
		List<List<Header>> headers = List.of(List.of(type), List.of(), List.of(type, large),
				List.of(Header.of("traceparent", "00-1"), type));
		List<Note> notes = List.of(new Note(0, "small"), new Note(1, "no headers"),
				new Note(2, "x".repeat(2 * 1024 * 1024)), new Note(3, "end"));
		try (SerializingAppendSession<Note> writer = SerializingAppendSession.of(stream.appendSession(),
				S2Serializer.json(Note.class))) {
			for (int i = 0; i < notes.size(); i++) {
				writer.send(notes.get(i), headers.get(i));
			}
		}
		MessageReader<Note> reader = new MessageReader<>(S2Serializer.json(Note.class));
		MessageReaderTests.Collector<Note> collector = new MessageReaderTests.Collector<>();
		try (ReadSession session = stream.readSession(ReadOptions.fromSeqNum(0))) {
			reader.publish(session).subscribe(collector);
			await().atMost(60, TimeUnit.SECONDS).until(() -> collector.items.size() == notes.size());
		}
		assertThat(collector.items).allMatch((outcome) -> outcome instanceof Message<Note>);
		assertThat(collector.values()).containsExactlyElementsOf(notes);
		assertThat(collector.items).extracting((outcome) -> ((Message<Note>) outcome).headers())
			.containsExactlyElementsOf(headers);
	}

	@Test
	void aHundredMebibyteMessageGoesThroughTheWriterAndTheReader() throws Exception {
		S2Stream stream = stream("hundred-mebibytes");
		byte[] payload = new byte[100 * 1024 * 1024];
		for (int i = 0; i < payload.length; i += 512) {
			payload[i] = (byte) (i >>> 9);
		}
		List<Header> headers = List.of(Header.of("content-type", "application/octet-stream"));
		try (SerializingAppendSession<byte[]> writer = SerializingAppendSession.of(stream.appendSession(),
				S2Serializer.bytes())) {
			MessageAck ack = writer.send(payload, headers).get(120, TimeUnit.SECONDS);
			assertThat(ack.records()).isEqualTo(101);
			assertThat(ack.end().seqNum()).isEqualTo(101);
		}
		MessageReader<byte[]> reader = new MessageReader<>(S2Serializer.bytes());
		try (ReadSession session = stream.readSession(ReadOptions.fromSeqNum(0).withCount(101))) {
			Iterator<ReadOutcome<byte[]>> outcomes = reader.iterate(session);
			Message<byte[]> message = (Message<byte[]>) outcomes.next();
			assertThat(Arrays.equals(message.value(), payload)).isTrue();
			assertThat(message.headers()).isEqualTo(headers);
			assertThat(message.records()).isEqualTo(101);
			assertThat(outcomes.hasNext()).isFalse();
		}
	}

	@Test
	void aDeletedStreamFailsEveryPendingMessageWithItsPreparedMessage() throws Exception {
		String name = "deleted";
		client.basin(STRICT_BASIN).streams().create(CreateStreamRequest.of(name));
		S2Stream stream = client.basin(STRICT_BASIN).stream(name);
		ObservedSession observed = ObservedSession.of(stream.appendSession());
		SerializingAppendSession<Note> writer = SerializingAppendSession.of(observed.session(),
				S2Serializer.json(Note.class));
		observed.close();
		List<CompletableFuture<MessageAck>> pending = new ArrayList<>();
		notes(5).forEach((note) -> pending.add(writer.send(note)));
		client.basin(STRICT_BASIN).streams().delete(name);
		await().atMost(30, TimeUnit.SECONDS).until(() -> {
			try {
				stream.checkTail();
				return false;
			}
			catch (S2Exception deleting) {
				return deleting instanceof NotFoundException;
			}
		});
		observed.open();
		for (int i = 0; i < pending.size(); i++) {
			MessageAppendException failure = SerializingAppendSessionTests.failure(pending.get(i));
			assertThat(failure.getCause()).isInstanceOf(NotFoundException.class);
			assertThat(failure.message().firstDedupeSeq()).hasValue(i);
			assertThat(failure.message().records().get(0).bodyAsString()).contains("\"n\":" + i);
			assertThat(failure.message().recordCount()).isOne();
		}
		assertThat(writer.queuedMessages()).isZero();
		assertThat(writer.send(new Note(5, "refused"))).failsWithin(Duration.ZERO)
			.withThrowableThat()
			.withCauseInstanceOf(WriterClosedException.class)
			.withRootCauseInstanceOf(NotFoundException.class);
		assertThatExceptionOfType(S2Exception.class).isThrownBy(writer::close);
	}

	private static S2Stream stream(String name) {
		return client.basin(TestServers.BASIN).stream(name);
	}

	static List<Note> notes(int count) {
		List<Note> notes = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			notes.add(new Note(i, "note " + i));
		}
		return notes;
	}

	private static List<Message<Note>> readAll(S2Stream stream, int count) {
		MessageReader<Note> reader = new MessageReader<>(S2Serializer.json(Note.class));
		List<Message<Note>> messages = new ArrayList<>();
		try (ReadSession session = stream.readSession(ReadOptions.fromSeqNum(0).withCount(count))) {
			reader.iterate(session).forEachRemaining((outcome) -> messages.add((Message<Note>) outcome));
		}
		return messages;
	}

}
