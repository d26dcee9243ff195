package io.github.s2spring.client.patterns;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.github.s2spring.client.data.AppendRecord;
import io.github.s2spring.client.data.Header;
import io.github.s2spring.client.data.ReadBatch;
import io.github.s2spring.client.data.SequencedRecord;
import io.github.s2spring.client.error.ValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What a writer does with an {@link OutgoingMessage}'s timestamp and with atomic sends,
 * and what the reader does with command records.
 */
class WriterOptionsPerMessageTests {

	@Test
	void aMessagesTimestampIsOnEveryOneOfItsRecords() throws Exception {
		ScriptedSession stream = ScriptedSession.automatic();
		SerializingAppendSession<String> writer = SerializingAppendSession.of(stream.session(), S2Serializer.string(),
				MessageWriterOptions.builder().chunkBytes(2).build());
		writer.send(new OutgoingMessage<>("abcde", List.of(Header.of("h", "v")), 1234L)).get(10, TimeUnit.SECONDS);
		writer.send("xy").get(10, TimeUnit.SECONDS);
		List<AppendRecord> records = new ArrayList<>();
		stream.batches().forEach((batch) -> records.addAll(batch.records()));
		assertThat(records).extracting(AppendRecord::timestamp).containsExactly(1234L, 1234L, 1234L, null);
		assertThat(records.get(0).headers()).last().isEqualTo(Header.of("h", "v"));
	}

	@Test
	void anAtomicSendIsOneBatchOfItsOwnAfterWhatWasSentBefore() throws Exception {
		ScriptedSession stream = ScriptedSession.manual();
		SerializingAppendSession<String> writer = SerializingAppendSession.of(stream.session(), S2Serializer.string());
		CompletableFuture<MessageAck> first = writer.send("first");
		CompletableFuture<MessageAck> waiting = writer.send("waiting");
		CompletableFuture<MessageAck> atomic = writer
			.sendAtomically(List.of(OutgoingMessage.of("a"), OutgoingMessage.of("b"), OutgoingMessage.of("c")));
		CompletableFuture<MessageAck> after = writer.send("after");
		stream.submission(0).admit().ack();
		first.get(10, TimeUnit.SECONDS);
		stream.submission(1).admit().ack();
		stream.submission(2).admit().ack();
		stream.submission(3).admit().ack();
		assertThat(stream.batches()).extracting((batch) -> batch.size()).containsExactly(1, 1, 3, 1);
		MessageAck batch = atomic.get(10, TimeUnit.SECONDS);
		assertThat(batch.start().seqNum()).isEqualTo(2);
		assertThat(batch.end().seqNum()).isEqualTo(5);
		assertThat(batch.records()).isEqualTo(3);
		assertThat(waiting.get(10, TimeUnit.SECONDS).start().seqNum()).isEqualTo(1);
		assertThat(after.get(10, TimeUnit.SECONDS).start().seqNum()).isEqualTo(5);
		assertThat(readBack(stream)).containsExactly("first", "waiting", "a", "b", "c", "after");
	}

	@Test
	void anAtomicSendThatDoesNotFitInOneBatchIsRefusedAndStampsNothing() throws Exception {
		ScriptedSession stream = ScriptedSession.automatic();
		SerializingAppendSession<String> writer = SerializingAppendSession.of(stream.session(), S2Serializer.string());
		List<OutgoingMessage<String>> tooMany = new ArrayList<>();
		for (int i = 0; i < 1001; i++) {
			tooMany.add(OutgoingMessage.of("m" + i));
		}
		assertThatExceptionOfType(CompletionException.class).isThrownBy(() -> writer.sendAtomically(tooMany).join())
			.havingCause()
			.isInstanceOf(ValidationException.class)
			.withMessageContaining("must fit in one S2 batch");
		List<OutgoingMessage<String>> tooBig = List.of(OutgoingMessage.of("x".repeat(600_000)),
				OutgoingMessage.of("y".repeat(600_000)));
		assertThatExceptionOfType(CompletionException.class).isThrownBy(() -> writer.sendAtomically(tooBig).join())
			.havingCause()
			.isInstanceOf(ValidationException.class);
		assertThatExceptionOfType(CompletionException.class).isThrownBy(() -> writer.sendAtomically(List.of()).join())
			.havingCause()
			.isInstanceOf(ValidationException.class);
		assertThat(writer.nextDedupeSeq()).isZero();
		writer.send("fits").get(10, TimeUnit.SECONDS);
		assertThat(stream.batches()).singleElement().satisfies((batch) -> assertThat(batch.size()).isEqualTo(1));
	}

	@Test
	void commandRecordsAreNotMessages() {
		MessageReader<String> reader = new MessageReader<>(S2Serializer.string());
		AppendRecord fence = AppendRecord.fence("writer-1");
		AppendRecord trim = AppendRecord.trim(5);
		AppendRecord plain = AppendRecord.of("plain");
		List<SequencedRecord> records = List.of(new SequencedRecord(0, 1, fence.headers(), fence.body()),
				new SequencedRecord(1, 1, trim.headers(), trim.body()),
				new SequencedRecord(2, 1, plain.headers(), plain.body()));
		assertThat(reader.read(new ReadBatch(records, null))).singleElement()
			.isInstanceOfSatisfying(ReadOutcome.Message.class, (message) -> {
				assertThat(message.value()).isEqualTo("plain");
				assertThat(message.seqNum()).isEqualTo(2);
			});
	}

	private static List<String> readBack(ScriptedSession stream) {
		MessageReader<String> reader = new MessageReader<>(S2Serializer.string());
		List<String> values = new ArrayList<>();
		for (ReadOutcome<String> outcome : reader.read(new ReadBatch(stream.stored(), null))) {
			if (outcome instanceof ReadOutcome.Message<String> message) {
				values.add(message.value());
			}
		}
		return values;
	}

}
