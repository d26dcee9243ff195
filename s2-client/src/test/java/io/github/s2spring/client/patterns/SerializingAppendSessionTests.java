package io.github.s2spring.client.patterns;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.github.s2spring.client.data.AppendBatch;
import io.github.s2spring.client.data.Header;
import io.github.s2spring.client.data.SequencedRecord;
import io.github.s2spring.client.error.NotFoundException;
import io.github.s2spring.client.error.OverloadedException;
import io.github.s2spring.client.error.S2Exception;
import io.github.s2spring.client.error.ValidationException;
import io.github.s2spring.protocol.StreamPosition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The writer on a scripted session: coalescing, linger, bounds, flush, close, failures,
 * and the order of callbacks.
 */
class SerializingAppendSessionTests {

	record Event(String name, int n) {
	}

	@Test
	void sendCompletesWithThePositionsOfTheMessage() throws Exception {
		ScriptedSession stream = ScriptedSession.automatic();
		SerializingAppendSession<String> writer = SerializingAppendSession.of(stream.session(), S2Serializer.string(),
				MessageWriterOptions.builder().chunkBytes(3).build());
		MessageAck first = writer.send("abcdefg").get(10, TimeUnit.SECONDS);
		MessageAck second = writer.send("hi").get(10, TimeUnit.SECONDS);
		assertThat(first).isEqualTo(new MessageAck(new StreamPosition(0, 1000), new StreamPosition(3, 1000), 3,
				new StreamPosition(3, 1000)));
		assertThat(second).isEqualTo(new MessageAck(new StreamPosition(3, 1003), new StreamPosition(4, 1003), 1,
				new StreamPosition(4, 1003)));
		assertThat(writer.nextDedupeSeq()).isEqualTo(4);
		assertThat(stream.batches()).extracting(AppendBatch::size).containsExactly(3, 1);
		assertThat(MessageReaderTests.values(read(S2Serializer.string(), stream))).containsExactly("abcdefg", "hi");
	}

	@Test
	void messagesSentWhileABatchIsInFlightShareTheNextBatch() throws Exception {
		ScriptedSession stream = ScriptedSession.manual();
		SerializingAppendSession<String> writer = SerializingAppendSession.of(stream.session(), S2Serializer.string());
		CompletableFuture<MessageAck> lone = writer.send("lone");
		List<CompletableFuture<MessageAck>> joined = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			joined.add(writer.send("m" + i));
		}
		assertThat(stream.submissions()).hasSize(1);
		stream.submission(0).admit();
		assertThat(stream.submissions()).hasSize(1);
		assertThat(writer.queuedMessages()).isEqualTo(6);
		stream.submission(0).ack();
		assertThat(lone.get(10, TimeUnit.SECONDS).start().seqNum()).isZero();
		assertThat(stream.submissions()).hasSize(2);
		assertThat(stream.submission(1).batch().size()).isEqualTo(5);
		assertThat(joined).noneMatch(CompletableFuture::isDone);
		stream.submission(1).admit().ack();
		for (int i = 0; i < 5; i++) {
			MessageAck ack = joined.get(i).get(10, TimeUnit.SECONDS);
			assertThat(ack.start().seqNum()).isEqualTo(1 + i);
			assertThat(ack.end().seqNum()).isEqualTo(2 + i);
		}
		assertThat(writer.queuedMessages()).isZero();
		assertThat(writer.queuedBytes()).isZero();
	}

	@Test
	void fullBatchesGoAtOnceAndTheRestWaitsForWhatIsInFlight() {
		ScriptedSession stream = ScriptedSession.manual();
		SerializingAppendSession<String> writer = SerializingAppendSession.of(stream.session(), S2Serializer.string(),
				MessageWriterOptions.builder().maxQueuedMessages(5000).build());
		writer.send("first");
		for (int i = 0; i < 2500; i++) {
			writer.send("m" + i);
		}
		assertThat(writer.queuedMessages()).isEqualTo(2501);
		stream.submission(0).admit();
		stream.submission(1).admit();
		stream.submission(2).admit();
		assertThat(stream.submissions()).hasSize(3);
		stream.submission(0).ack();
		stream.submission(1).ack();
		assertThat(stream.submissions()).hasSize(3);
		stream.submission(2).ack();
		stream.submission(3).admit().ack();
		assertThat(stream.batches()).extracting(AppendBatch::size).containsExactly(1, 1000, 1000, 500);
		assertThat(writer.queuedMessages()).isZero();
	}

	@Test
	void aMessageLargerThanOneMebibyteSpansBatchesAsFullAsItsRecordsAllow() throws Exception {
		ScriptedSession stream = ScriptedSession.automatic();
		SerializingAppendSession<byte[]> writer = SerializingAppendSession.of(stream.session(), S2Serializer.bytes());
		byte[] payload = new byte[3 * 1024 * 1024];
		new Random(42).nextBytes(payload);
		MessageAck ack = writer.send(payload).get(10, TimeUnit.SECONDS);
		assertThat(ack.records()).isEqualTo(4);
		assertThat(stream.batches()).extracting(AppendBatch::size).containsExactly(1, 1, 1, 1);
		assertThat(MessageReaderTests.values(read(S2Serializer.bytes(), stream))).singleElement().isEqualTo(payload);

		ScriptedSession small = ScriptedSession.automatic();
		SerializingAppendSession<byte[]> smallChunks = SerializingAppendSession.of(small.session(),
				S2Serializer.bytes(),
				MessageWriterOptions.builder().chunkBytes(1000).writerId(new WriterId("abcdefghijkl")).build());
		assertThat(smallChunks.send(new byte[1024 * 1024]).get(10, TimeUnit.SECONDS).records()).isEqualTo(1049);
		// a later record meters 8 + 2*2 + 11 + 8 + 10 + 12 + 1000 = 1053 bytes
		assertThat(small.batches()).extracting(AppendBatch::size).containsExactly(995, 54);
	}

	@Test
	void theBytesOfAMessageArePackedBeforeSendReturns() throws Exception {
		ScriptedSession stream = ScriptedSession.manual();
		SerializingAppendSession<byte[]> writer = SerializingAppendSession.of(stream.session(), S2Serializer.bytes());
		writer.send(new byte[] { 1 });
		byte[] reused = { 2, 2 };
		CompletableFuture<MessageAck> second = writer.send(reused);
		reused[0] = 9;
		stream.submission(0).admit().ack();
		stream.submission(1).admit().ack();
		second.get(10, TimeUnit.SECONDS);
		assertThat(MessageReaderTests.values(read(S2Serializer.bytes(), stream))).containsExactly(new byte[] { 1 },
				new byte[] { 2, 2 });
	}

	@Test
	void lingerSubmitsABatchWaitingBehindOneInFlight() throws Exception {
		ScriptedSession stream = ScriptedSession.manual();
		SerializingAppendSession<String> writer = SerializingAppendSession.of(stream.session(), S2Serializer.string(),
				MessageWriterOptions.builder().linger(Duration.ofMillis(200)).build());
		writer.send("in flight");
		stream.submission(0).admit();
		long start = System.nanoTime();
		writer.send("a");
		writer.send("b");
		await().atMost(10, TimeUnit.SECONDS).until(() -> stream.submissions().size() == 2);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
		assertThat(stream.submission(1).batch().size()).isEqualTo(2);
		stream.submission(1).admit();
		stream.submission(0).ack();
		stream.submission(1).ack();
		assertThat(writer.flush()).succeedsWithin(Duration.ofSeconds(10));

		ScriptedSession nagle = ScriptedSession.manual();
		SerializingAppendSession<String> noLinger = SerializingAppendSession.of(nagle.session(), S2Serializer.string());
		noLinger.send("in flight");
		nagle.submission(0).admit();
		noLinger.send("waits");
		Thread.sleep(300);
		assertThat(nagle.submissions()).hasSize(1);
		nagle.submission(0).ack();
		assertThat(nagle.submissions()).hasSize(2);
	}

	@Test
	void beyondMaxQueuedMessagesSendIsRefusedAtOnceAndStampsNothing() throws Exception {
		ScriptedSession stream = ScriptedSession.manual();
		SerializingAppendSession<String> writer = SerializingAppendSession.of(stream.session(), S2Serializer.string(),
				MessageWriterOptions.builder().maxQueuedMessages(3).build());
		List<CompletableFuture<MessageAck>> accepted = List.of(writer.send("a"), writer.send("b"), writer.send("c"));
		CompletableFuture<MessageAck> refused = writer.send("d");
		assertThat(refused).isCompletedExceptionally();
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(refused::get)
			.withCauseInstanceOf(OverloadedException.class)
			.withMessageContaining("3 messages waiting")
			.satisfies((ex) -> assertThat(((S2Exception) ex.getCause()).retryable()).isTrue());
		assertThat(writer.nextDedupeSeq()).isEqualTo(3);
		assertThat(writer.queuedMessages()).isEqualTo(3);
		stream.submission(0).admit().ack();
		stream.submission(1).admit().ack();
		CompletableFuture.allOf(accepted.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
		CompletableFuture<MessageAck> later = writer.send("e");
		stream.submission(2).admit().ack();
		assertThat(later.get(10, TimeUnit.SECONDS).start().seqNum()).isEqualTo(3);
		assertThat(MessageReaderTests.values(read(S2Serializer.string(), stream))).containsExactly("a", "b", "c", "e");
		assertThat(stream.stored().get(3).headers()).contains(TestRecords.u64("_dedupe_seq", 3));
	}

	@Test
	void beyondMaxQueuedBytesSendIsRefusedExceptForALoneMessage() {
		ScriptedSession stream = ScriptedSession.manual();
		SerializingAppendSession<byte[]> writer = SerializingAppendSession.of(stream.session(), S2Serializer.bytes(),
				MessageWriterOptions.builder().maxQueuedBytes(10).build());
		assertThat(writer.send(new byte[100])).isNotDone();
		assertThat(writer.queuedBytes()).isEqualTo(100);
		assertThat(writer.send(new byte[1])).failsWithin(Duration.ZERO)
			.withThrowableThat()
			.withCauseInstanceOf(OverloadedException.class)
			.withMessageContaining("100 bytes waiting")
			.withMessageContaining("max queued bytes 10");
		stream.submission(0).admit().ack();
		assertThat(writer.send(new byte[5])).isNotDone();
		assertThat(writer.send(new byte[5])).isNotDone();
		assertThat(writer.send(new byte[1])).isCompletedExceptionally();
		assertThat(writer.queuedBytes()).isEqualTo(10);
		assertThat(writer.nextDedupeSeq()).isEqualTo(3);
	}

	@Test
	void flushSubmitsTheOpenBatchAndCompletesOnceEverythingSentBeforeIsSettled() throws Exception {
		ScriptedSession stream = ScriptedSession.manual();
		SerializingAppendSession<String> writer = SerializingAppendSession.of(stream.session(), S2Serializer.string(),
				MessageWriterOptions.builder().linger(Duration.ofHours(1)).build());
		assertThat(writer.flush()).isCompleted();
		CompletableFuture<MessageAck> first = writer.send("first");
		CompletableFuture<MessageAck> second = writer.send("second");
		CompletableFuture<MessageAck> third = writer.send("third");
		CompletableFuture<Void> flushed = writer.flush();
		CompletableFuture<MessageAck> after = writer.send("after");
		stream.submission(0).admit();
		assertThat(stream.submissions()).hasSize(2);
		assertThat(stream.submission(1).batch().size()).isEqualTo(2);
		stream.submission(1).admit();
		stream.submission(0).ack();
		assertThat(flushed).isNotDone();
		stream.submission(1).ack();
		assertThat(flushed).isCompleted();
		assertThat(List.of(first, second, third))
			.allMatch((future) -> future.isDone() && !future.isCompletedExceptionally());
		assertThat(after).isNotDone();
		assertThat(writer.queuedMessages()).isEqualTo(1);
		assertThat(stream.submissions()).hasSize(3);
		stream.submission(2).admit().ack();
		assertThat(after.get(10, TimeUnit.SECONDS).start().seqNum()).isEqualTo(3);
	}

	@Test
	void closeFlushesThenClosesTheSessionAndRefusesNewMessages() throws Exception {
		ScriptedSession stream = ScriptedSession.manual();
		SerializingAppendSession<String> writer = SerializingAppendSession.of(stream.session(), S2Serializer.string());
		CompletableFuture<MessageAck> first = writer.send("first");
		CompletableFuture<MessageAck> second = writer.send("second");
		CompletableFuture<Void> closed = writer.closeAsync();
		assertThat(writer.closeAsync()).isSameAs(closed);
		assertThat(writer.send("late")).failsWithin(Duration.ZERO)
			.withThrowableThat()
			.withCauseInstanceOf(WriterClosedException.class)
			.withMessageContaining("is closed");
		assertThat(writer.resend(new PreparedMessage(List.of(io.github.s2spring.client.data.AppendRecord.of("x")), 1,
				java.util.OptionalLong.empty())))
			.isCompletedExceptionally();
		stream.submission(0).admit().ack();
		assertThat(stream.isClosed()).isFalse();
		stream.submission(1).admit().ack();
		closed.get(10, TimeUnit.SECONDS);
		assertThat(stream.isClosed()).isTrue();
		assertThat(List.of(first, second)).allMatch((future) -> future.isDone() && !future.isCompletedExceptionally());
		writer.close();
		assertThat(stream.submissions()).hasSize(2);

		ScriptedSession failing = ScriptedSession.manual();
		failing.failClose(new NotFoundException("stream_not_found", "gone"));
		SerializingAppendSession<String> other = SerializingAppendSession.of(failing.session(), S2Serializer.string());
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(other::close).withMessage("gone");
	}

	@Test
	void permanentFailureFailsEveryWaitingMessageWithItsPreparedMessage() throws Exception {
		ScriptedSession stream = ScriptedSession.manual();
		SerializingAppendSession<String> writer = SerializingAppendSession.of(stream.session(), S2Serializer.string(),
				MessageWriterOptions.builder().chunkBytes(4).writerId(new WriterId("old-writer")).build());
		CompletableFuture<MessageAck> kept = writer.send("kept");
		stream.submission(0).admit().ack();
		assertThat(kept.get(10, TimeUnit.SECONDS).records()).isEqualTo(1);
		CompletableFuture<MessageAck> inFlight = writer.send("lost");
		CompletableFuture<MessageAck> waiting = writer.send("also lost");
		CompletableFuture<Void> flushed = writer.flush();
		stream.submission(1).admit();
		NotFoundException gone = new NotFoundException("stream_not_found", "Stream not found");
		stream.submission(1).fail(gone);
		MessageAppendException first = failure(inFlight);
		MessageAppendException second = failure(waiting);
		assertThat(first).hasMessageContaining("outcome is unknown").hasCause(gone);
		assertThat(first.message().records()).extracting((record) -> record.bodyAsString()).containsExactly("lost");
		assertThat(second.message().records()).extracting((record) -> record.bodyAsString())
			.containsExactly("also", " los", "t");
		assertThat(second.message().firstDedupeSeq()).hasValue(2);
		assertThat(flushed).isCompleted();
		assertThat(writer.queuedMessages()).isZero();
		assertThat(writer.send("refused")).failsWithin(Duration.ZERO)
			.withThrowableThat()
			.withCauseInstanceOf(WriterClosedException.class)
			.withMessageContaining("failed")
			.withRootCauseExactlyInstanceOf(NotFoundException.class);
		assertThat(writer.nextDedupeSeq()).isEqualTo(5);

		// a new writer resends the failed messages first, with their original stamps
		ScriptedSession healthy = ScriptedSession.automatic();
		SerializingAppendSession<String> next = SerializingAppendSession.of(healthy.session(), S2Serializer.string());
		next.resend(first.message());
		next.resend(second.message());
		next.send("after").get(10, TimeUnit.SECONDS);
		assertThat(MessageReaderTests.values(read(S2Serializer.string(), healthy))).containsExactly("lost", "also lost",
				"after");
		assertThat(healthy.stored().get(0).headers()).contains(TestRecords.text("_writer_id", "old-writer"),
				TestRecords.u64("_dedupe_seq", 1));
	}

	@Test
	void aMessagePartlyAcknowledgedFailsWithAllItsRecords() {
		ScriptedSession stream = ScriptedSession.manual();
		SerializingAppendSession<byte[]> writer = SerializingAppendSession.of(stream.session(), S2Serializer.bytes());
		CompletableFuture<MessageAck> big = writer.send(new byte[2 * 1024 * 1024]);
		stream.submission(0).admit();
		stream.submission(1).admit();
		stream.submission(0).ack();
		stream.submission(1).fail(new IllegalStateException("session ended"));
		MessageAppendException failure = failure(big);
		assertThat(failure.message().recordCount()).isEqualTo(3);
		assertThat(failure.message().bytes()).isEqualTo(2 * 1024 * 1024);
		assertThat(failure).hasRootCauseMessage("session ended");
	}

	@Test
	void anAcknowledgementMissingIsAFailure() {
		ScriptedSession stream = ScriptedSession.manual();
		SerializingAppendSession<String> writer = SerializingAppendSession.of(stream.session(), S2Serializer.string());
		CompletableFuture<MessageAck> sent = writer.send("a");
		stream.submission(0).admit().acknowledgement().complete(null);
		assertThat(failure(sent)).hasMessageContaining("without an acknowledgement");
		assertThat(writer.writerId().value()).hasSize(12);
	}

	@Test
	void batchesTheSessionRefusesAsOverloadedAreSubmittedAgain() throws Exception {
		ScriptedSession stream = ScriptedSession.automatic();
		stream.refuse(4);
		SerializingAppendSession<String> writer = SerializingAppendSession.of(stream.session(), S2Serializer.string());
		assertThat(writer.send("eventually").get(10, TimeUnit.SECONDS).start().seqNum()).isZero();
		assertThat(stream.submissions()).hasSize(1);
	}

	@Test
	void aRefusedBatchIsNotSubmittedAgainOnceTheWriterFailed() throws Exception {
		ScriptedSession stream = ScriptedSession.manual();
		SerializingAppendSession<String> writer = SerializingAppendSession.of(stream.session(), S2Serializer.string());
		CompletableFuture<MessageAck> inFlight = writer.send("in flight");
		stream.submission(0).admit();
		CompletableFuture<MessageAck> refused = writer.send("refused");
		stream.refuse(1_000_000);
		writer.flush();
		await().atMost(10, TimeUnit.SECONDS).until(() -> stream.refusalsLeft() < 1_000_000 - 3);
		stream.submission(0).fail(new IllegalStateException("session ended"));
		assertThat(failure(inFlight)).hasRootCauseMessage("session ended");
		assertThat(failure(refused)).hasRootCauseMessage("session ended");
		Thread.sleep(250);
		int left = stream.refusalsLeft();
		Thread.sleep(250);
		assertThat(stream.refusalsLeft()).isEqualTo(left);
		assertThat(stream.submissions()).hasSize(1);
	}

	@Test
	void matchSeqNumIsChainedAcrossBatchesAndTheFencingTokenIsOnEveryBatch() {
		ScriptedSession stream = ScriptedSession.manual();
		SerializingAppendSession<String> writer = SerializingAppendSession.of(stream.session(), S2Serializer.string(),
				MessageWriterOptions.builder().matchSeqNum(5).fencingToken("writer-1").maxQueuedMessages(2000).build());
		writer.send("first");
		for (int i = 0; i < 1500; i++) {
			writer.send("m" + i);
		}
		stream.submission(0).admit().ack();
		stream.submission(1).admit().ack();
		stream.submission(2).admit().ack();
		assertThat(stream.batches()).extracting(AppendBatch::size).containsExactly(1, 1000, 500);
		assertThat(stream.batches()).extracting(AppendBatch::matchSeqNum).containsExactly(5L, 6L, 1006L);
		assertThat(stream.batches()).extracting(AppendBatch::fencingToken).containsOnly("writer-1");
	}

	@Test
	void serializerAndCallerHeadersReachTheReader() throws Exception {
		S2Serializer<Event> typed = new S2Serializer<>() {

			private final S2Serializer<Event> json = S2Serializer.json(Event.class);

			@Override
			public byte[] serialize(Event message) {
				return this.json.serialize(message);
			}

			@Override
			public byte[] serialize(Event message, List<Header> headers) {
				assertThat(headers).contains(Header.of("traceparent", "00-1"));
				headers.add(Header.of("content-type", "application/json"));
				return serialize(message);
			}

			@Override
			public Event deserialize(byte[] bytes) {
				throw new AssertionError("the reader passes the headers");
			}

			@Override
			public Event deserialize(byte[] bytes, List<Header> headers) {
				assertThat(headers).contains(Header.of("content-type", "application/json"));
				return this.json.deserialize(bytes);
			}

		};
		ScriptedSession stream = ScriptedSession.automatic();
		SerializingAppendSession<Event> writer = SerializingAppendSession.of(stream.session(), typed,
				MessageWriterOptions.builder().chunkBytes(5).build());
		writer.send(new Event("a", 1), List.of(Header.of("traceparent", "00-1"))).get(10, TimeUnit.SECONDS);
		List<ReadOutcome<Event>> out = read(typed, stream);
		assertThat(out).hasSize(1);
		ReadOutcome.Message<Event> message = (ReadOutcome.Message<Event>) out.get(0);
		assertThat(message.value()).isEqualTo(new Event("a", 1));
		assertThat(message.headers()).containsExactly(Header.of("traceparent", "00-1"),
				Header.of("content-type", "application/json"));
	}

	@Test
	void refusedMessagesWriteNothingAndUseNoStamp() {
		ScriptedSession stream = ScriptedSession.automatic();
		SerializingAppendSession<String> writer = SerializingAppendSession.of(stream.session(), S2Serializer.string(),
				MessageWriterOptions.builder().maxMessageBytes(4).build());
		assertThat(writer.send("")).failsWithin(Duration.ZERO)
			.withThrowableThat()
			.withCauseInstanceOf(EmptyMessageException.class);
		assertThat(writer.send("12345")).failsWithin(Duration.ZERO)
			.withThrowableThat()
			.withCauseInstanceOf(FrameSizeException.class);
		assertThat(writer.send("x", List.of(Header.of("_writer_id", "me")))).failsWithin(Duration.ZERO)
			.withThrowableThat()
			.withCauseInstanceOf(ValidationException.class);
		SerializingAppendSession<Object> broken = SerializingAppendSession.of(stream.session(), new S2Serializer<>() {
			@Override
			public byte[] serialize(Object message) {
				throw new IllegalStateException("boom");
			}

			@Override
			public Object deserialize(byte[] bytes) {
				return bytes;
			}
		});
		assertThat(broken.send("x")).failsWithin(Duration.ZERO)
			.withThrowableThat()
			.withCauseInstanceOf(SerializationException.class)
			.withMessageContaining("java.lang.String");
		SerializingAppendSession<String> typed = SerializingAppendSession.of(stream.session(),
				S2Serializer.of((text) -> {
					throw new SerializationException("not this one", new IllegalStateException());
				}, (bytes) -> ""));
		assertThat(typed.send("x")).failsWithin(Duration.ZERO)
			.withThrowableThat()
			.withCauseInstanceOf(SerializationException.class)
			.withMessageContaining("not this one");
		assertThat(writer.nextDedupeSeq()).isZero();
		assertThat(stream.submissions()).isEmpty();
	}

	@Test
	void aCallbackMaySendAgainAndMessagesCompleteInOrder() throws Exception {
		ScriptedSession stream = ScriptedSession.manual();
		SerializingAppendSession<String> writer = SerializingAppendSession.of(stream.session(), S2Serializer.string());
		List<String> completed = Collections.synchronizedList(new ArrayList<>());
		CompletableFuture<MessageAck> chained = new CompletableFuture<>();
		writer.send("one").thenAccept((ack) -> {
			completed.add("one");
			writer.send("from the callback").whenComplete((again, ex) -> {
				completed.add("from the callback");
				chained.complete(again);
			});
		});
		writer.send("two").thenAccept((ack) -> completed.add("two"));
		writer.send("three").thenAccept((ack) -> completed.add("three"));
		stream.submission(0).admit().ack();
		stream.submission(1).admit().ack();
		assertThat(completed).containsExactly("one", "two", "three");
		stream.submission(2).admit().ack();
		assertThat(chained.get(10, TimeUnit.SECONDS).start().seqNum()).isEqualTo(3);
		assertThat(completed).containsExactly("one", "two", "three", "from the callback");
	}

	@Test
	void concurrentSendersKeepTheOrderOfEachThread() throws Exception {
		ScriptedSession stream = ScriptedSession.automatic();
		SerializingAppendSession<String> writer = SerializingAppendSession.of(stream.session(), S2Serializer.string(),
				MessageWriterOptions.builder().maxQueuedMessages(10_000).build());
		int threads = 4;
		int perThread = 500;
		CountDownLatch start = new CountDownLatch(1);
		List<CompletableFuture<MessageAck>> acks = Collections.synchronizedList(new ArrayList<>());
		List<Thread> senders = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			int thread = t;
			Thread sender = new Thread(() -> {
				try {
					start.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				for (int i = 0; i < perThread; i++) {
					acks.add(writer.send(thread + ":" + i));
				}
			});
			sender.start();
			senders.add(sender);
		}
		start.countDown();
		for (Thread sender : senders) {
			sender.join();
		}
		CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
		List<String> values = MessageReaderTests.values(read(S2Serializer.string(), stream));
		assertThat(values).hasSize(threads * perThread).doesNotHaveDuplicates();
		for (int t = 0; t < threads; t++) {
			String prefix = t + ":";
			assertThat(values.stream().filter((value) -> value.startsWith(prefix)).toList())
				.isEqualTo(java.util.stream.IntStream.range(0, perThread).mapToObj((i) -> prefix + i).toList());
		}
		List<SequencedRecord> stored = stream.stored();
		for (int i = 0; i < stored.size(); i++) {
			assertThat(stored.get(i).headers()).contains(TestRecords.u64("_dedupe_seq", i));
		}
	}

	static <T> List<ReadOutcome<T>> read(S2Serializer<T> serializer, ScriptedSession stream) {
		return TestRecords.read(new MessageReader<>(serializer), stream.stored());
	}

	static MessageAppendException failure(CompletableFuture<MessageAck> future) {
		try {
			future.get(10, TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			return (MessageAppendException) ex.getCause();
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
		throw new AssertionError("the message did not fail");
	}

}
