package io.github.s2spring.client.patterns;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.github.s2spring.client.data.AppendAck;
import io.github.s2spring.client.data.AppendBatch;
import io.github.s2spring.client.data.SequencedRecord;
import io.github.s2spring.client.error.ValidationException;
import io.github.s2spring.client.patterns.InMemoryStream.Fault;
import io.github.s2spring.protocol.StreamPosition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SerializingAppendSessionTests {

	record Event(String name, int n) {
	}

	@Test
	void sendCompletesWithThePositionsOfTheMessage() throws Exception {
		InMemoryStream stream = new InMemoryStream();
		SerializingAppendSession<String> writer = new SerializingAppendSession<>(stream, S2Serializer.string(),
				MessageWriterOptions.builder().chunkBytes(3).build());
		MessageAck first = writer.send("abcdefg").get(10, TimeUnit.SECONDS);
		MessageAck second = writer.send("hi").get(10, TimeUnit.SECONDS);
		assertThat(first).isEqualTo(new MessageAck(new StreamPosition(0, 1000), new StreamPosition(3, 1002), 3));
		assertThat(second).isEqualTo(new MessageAck(new StreamPosition(3, 1003), new StreamPosition(4, 1003), 1));
		assertThat(writer.nextDedupeSeq()).isEqualTo(4);
		assertThat(MessageReaderTests.values(new MessageReader<>(S2Serializer.string()).readAll(stream.records())))
			.containsExactly("abcdefg", "hi");
	}

	@Test
	void threeMebibyteMessageSpansSeveralBatchesInOrder() throws Exception {
		InMemoryStream stream = new InMemoryStream();
		SerializingAppendSession<byte[]> writer = new SerializingAppendSession<>(stream, S2Serializer.bytes());
		byte[] payload = new byte[3 * 1024 * 1024];
		new java.util.Random(42).nextBytes(payload);
		MessageAck ack = writer.send(payload).get(10, TimeUnit.SECONDS);
		assertThat(ack.records()).isEqualTo(4);
		assertThat(stream.received()).hasSize(4);
		List<ReadOutcome<byte[]>> out = new MessageReader<>(S2Serializer.bytes()).readAll(stream.records());
		assertThat(MessageReaderTests.values(out)).singleElement().isEqualTo(payload);
	}

	@Test
	void refusedMessagesWriteNothingAndUseNoStamp() {
		InMemoryStream stream = new InMemoryStream();
		SerializingAppendSession<String> writer = new SerializingAppendSession<>(stream, S2Serializer.string(),
				MessageWriterOptions.builder().maxMessageBytes(4).build());
		assertThat(writer.send("")).failsWithin(10, TimeUnit.SECONDS)
			.withThrowableThat()
			.withCauseInstanceOf(EmptyMessageException.class);
		assertThat(writer.send("12345")).failsWithin(10, TimeUnit.SECONDS)
			.withThrowableThat()
			.withCauseInstanceOf(FrameSizeException.class);
		SerializingAppendSession<Object> broken = new SerializingAppendSession<>(stream, new S2Serializer<>() {
			@Override
			public byte[] serialize(Object message) {
				throw new IllegalStateException("boom");
			}

			@Override
			public Object deserialize(byte[] bytes) {
				return bytes;
			}
		});
		assertThat(broken.send("x")).failsWithin(10, TimeUnit.SECONDS)
			.withThrowableThat()
			.withCauseInstanceOf(SerializationException.class)
			.withMessageContaining("java.lang.String");
		SerializingAppendSession<Event> json = new SerializingAppendSession<>(stream, S2Serializer.json(Event.class));
		assertThat(json.send(new Event("a", 1))).succeedsWithin(10, TimeUnit.SECONDS);
		assertThat(writer.nextDedupeSeq()).isZero();
		assertThat(stream.records()).hasSize(1);
	}

	@Test
	void batchResentAfterALostAckKeepsItsStamps() throws Exception {
		// the second batch is written but its ack is lost; the writer resends it and the
		// following batches, with the very same records
		InMemoryStream stream = new InMemoryStream((call) -> (call == 1) ? Fault.WRITE_THEN_FAIL : Fault.NONE);
		SerializingAppendSession<String> writer = new SerializingAppendSession<>(stream, S2Serializer.string(),
				MessageWriterOptions.builder().chunkBytes(4).maxResends(2).build());
		CompletableFuture<MessageAck> first = writer.send("one");
		CompletableFuture<MessageAck> second = writer.send("two!two!");
		CompletableFuture<MessageAck> third = writer.send("three");
		assertThat(first.get(10, TimeUnit.SECONDS).records()).isEqualTo(1);
		assertThat(second.get(10, TimeUnit.SECONDS).records()).isEqualTo(2);
		assertThat(third.get(10, TimeUnit.SECONDS).records()).isEqualTo(2);
		List<AppendBatch> received = stream.received();
		assertThat(received).hasSize(4);
		assertThat(received.get(2)).isSameAs(received.get(1));
		assertThat(writer.nextDedupeSeq()).isEqualTo(5);
		List<SequencedRecord> stored = stream.records();
		assertThat(stored).hasSize(7);
		assertThat(stored.subList(3, 5)).extracting((record) -> record.headers())
			.isEqualTo(stored.subList(1, 3).stream().map(SequencedRecord::headers).toList());
		MessageReader<String> reader = new MessageReader<>(S2Serializer.string());
		assertThat(MessageReaderTests.values(reader.readAll(stored))).containsExactly("one", "two!two!", "three");
		assertThat(reader.duplicatesDropped()).isEqualTo(2);
	}

	@Test
	void resendWaitsForBatchesInFlightAndKeepsOrder() throws Exception {
		List<CompletableFuture<AppendAck>> acks = new ArrayList<>();
		List<AppendBatch> sent = new ArrayList<>();
		AppendSink manual = (batch) -> {
			CompletableFuture<AppendAck> ack = new CompletableFuture<>();
			sent.add(batch);
			acks.add(ack);
			return ack;
		};
		SerializingAppendSession<String> writer = new SerializingAppendSession<>(manual, S2Serializer.string(),
				MessageWriterOptions.builder().maxResends(1).build());
		CompletableFuture<MessageAck> a = writer.send("a");
		CompletableFuture<MessageAck> b = writer.send("b");
		acks.get(0).completeExceptionally(new IllegalStateException("reset"));
		CompletableFuture<MessageAck> c = writer.send("c");
		assertThat(sent).hasSize(2);
		acks.get(1).completeExceptionally(new IllegalStateException("reset"));
		assertThat(sent).hasSize(5);
		assertThat(sent.subList(2, 5)).extracting((batch) -> batch.records().get(0).bodyAsString())
			.containsExactly("a", "b", "c");
		assertThat(sent.get(2)).isSameAs(sent.get(0));
		for (int i = 2; i < 5; i++) {
			acks.get(i).complete(ack(i - 2));
		}
		assertThat(a.get(10, TimeUnit.SECONDS).start().seqNum()).isZero();
		assertThat(b.get(10, TimeUnit.SECONDS).start().seqNum()).isEqualTo(1);
		assertThat(c.get(10, TimeUnit.SECONDS).start().seqNum()).isEqualTo(2);
	}

	@Test
	void exhaustedResendsFailEveryUnackedMessageWithItsPreparedBatches() throws Exception {
		InMemoryStream stream = new InMemoryStream((call) -> (call >= 1) ? Fault.FAIL_WITHOUT_WRITE : Fault.NONE);
		SerializingAppendSession<String> writer = new SerializingAppendSession<>(stream, S2Serializer.string(),
				MessageWriterOptions.builder().maxResends(1).writerId(new WriterId("old-writer")).build());
		assertThat(writer.send("kept").get(10, TimeUnit.SECONDS).records()).isEqualTo(1);
		CompletableFuture<MessageAck> lost = writer.send("lost");
		MessageAppendException failure = failure(lost);
		assertThat(failure).hasMessageContaining("outcome is unknown").hasMessageContaining("connection reset");
		assertThat(stream.received()).hasSize(3);
		assertThat(writer.send("refused")).failsWithin(10, TimeUnit.SECONDS)
			.withThrowableThat()
			.withCauseInstanceOf(IllegalStateException.class);
		assertThat(writer.nextDedupeSeq()).isEqualTo(2);

		// a new writer resends the failed message first, with its original stamps
		InMemoryStream healthy = new InMemoryStream();
		SerializingAppendSession<String> next = new SerializingAppendSession<>(healthy, S2Serializer.string());
		next.resend(failure.message()).get(10, TimeUnit.SECONDS);
		next.send("after").get(10, TimeUnit.SECONDS);
		assertThat(healthy.received().get(0)).isSameAs(failure.message().batches().get(0));
		assertThat(MessageReaderTests.values(new MessageReader<>(S2Serializer.string()).readAll(healthy.records())))
			.containsExactly("lost", "after");
		assertThat(healthy.records().get(0).headers()).contains(TestRecords.text("_writer_id", "old-writer"),
				TestRecords.u64("_dedupe_seq", 1));
	}

	@Test
	void validationFailuresAreNotResent() {
		InMemoryStream stream = new InMemoryStream();
		AppendSink refusing = (batch) -> {
			throw new ValidationException("record batch", "x", "refused");
		};
		SerializingAppendSession<String> writer = new SerializingAppendSession<>(refusing, S2Serializer.string(),
				MessageWriterOptions.builder().maxResends(5).build());
		assertThat(writer.send("a")).failsWithin(10, TimeUnit.SECONDS)
			.withThrowableThat()
			.withCauseInstanceOf(MessageAppendException.class)
			.withMessageContaining("refused");
		assertThat(stream.records()).isEmpty();
	}

	@Test
	void sinkCompletingWithoutAckIsAFailure() {
		SerializingAppendSession<String> writer = new SerializingAppendSession<>(
				(batch) -> CompletableFuture.completedFuture(null), S2Serializer.string());
		assertThat(writer.send("a")).failsWithin(10, TimeUnit.SECONDS)
			.withThrowableThat()
			.withMessageContaining("without an ack");
		assertThat(writer.writerId().value()).hasSize(12);
	}

	private static MessageAppendException failure(CompletableFuture<MessageAck> future) throws Exception {
		try {
			future.get(10, TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			return (MessageAppendException) ex.getCause();
		}
		throw new AssertionError("the message did not fail");
	}

	private static AppendAck ack(long seq) {
		return new AppendAck(new StreamPosition(seq, 0), new StreamPosition(seq + 1, 0),
				new StreamPosition(seq + 1, 0));
	}

}
