package io.github.s2spring.client.patterns;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.s2spring.client.S2Client;
import io.github.s2spring.client.config.S2ClientConfig;
import io.github.s2spring.client.data.AppendSession;
import io.github.s2spring.client.data.ReadOptions;
import io.github.s2spring.client.data.ReadSession;
import io.github.s2spring.client.data.S2Stream;
import io.github.s2spring.client.error.FencingTokenMismatchException;
import io.github.s2spring.client.error.ValidationException;
import io.github.s2spring.client.patterns.ReadOutcome.Message;
import io.github.s2spring.embedded.S2EmbeddedServer;
import io.github.s2spring.embedded.config.BasinSpec;
import io.github.s2spring.embedded.config.StreamSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The typed writer and reader on real append and read sessions of s2-embedded.
 */
class PatternsSessionIntegrationTests {

	private static final String BASIN = "patterns-sessions";

	private static S2EmbeddedServer server;

	private static S2Client client;

	record Note(int n, String text) {
	}

	@BeforeAll
	static void start() {
		server = S2EmbeddedServer.builder().port(0).build().start();
		server.store().createBasin(BASIN, new BasinSpec(StreamSpec.EMPTY, null, true, true), null);
		client = S2Client
			.create(S2ClientConfig.builder("patterns").endpoints(server.baseUrl(), server.baseUrl()).build());
	}

	@AfterAll
	static void stop() {
		client.close();
		server.close();
	}

	@Test
	void aFencedWriterStopsOnceAnotherWriterFencesTheStream() throws Exception {
		S2Stream stream = client.basin(BASIN).stream("fenced");
		stream.fence("writer-1", null);
		try (AppendSession session = stream.appendSession()) {
			SerializingAppendSession<Note> writer = new SerializingAppendSession<>(
					AppendSink.of(session).fenced("writer-1"), S2Serializer.json(Note.class),
					MessageWriterOptions.defaults());
			assertThat(writer.send(new Note(1, "kept")).get(30, TimeUnit.SECONDS).start().seqNum()).isEqualTo(1);
			stream.fence("writer-2", "writer-1");
			assertThatThrownBy(() -> writer.send(new Note(2, "refused")).get(30, TimeUnit.SECONDS))
				.hasCauseInstanceOf(MessageAppendException.class)
				.hasRootCauseInstanceOf(FencingTokenMismatchException.class);
		}
		catch (FencingTokenMismatchException expected) {
			// the session ends failed; closing it reports the same failure
		}
		assertThat(stream.checkTail().seqNum()).isEqualTo(3);
		assertThatThrownBy(() -> AppendSink.of((AppendSession) null).fenced("x".repeat(37)))
			.isInstanceOf(ValidationException.class);
	}

	@Test
	void messagesOfManyBatchesArriveInOrderThroughAReadSessionPublisher() throws Exception {
		S2Stream stream = client.basin(BASIN).stream("many-batches");
		List<Note> notes = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			notes.add(new Note(i, "note " + i));
		}
		// 2,500 records of 10 bytes: three batches, split by the 1000-record limit
		notes.add(150, new Note(-1, "x".repeat(25_000 - 22)));
		notes.add(new Note(-2, "end"));
		MessageWriterOptions options = MessageWriterOptions.builder().chunkBytes(10).build();
		try (AppendSession session = stream.appendSession()) {
			SerializingAppendSession<Note> writer = SerializingAppendSession.of(session, S2Serializer.json(Note.class),
					options);
			List<CompletableFuture<MessageAck>> acks = new ArrayList<>();
			notes.forEach((note) -> acks.add(writer.send(note)));
			CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
			MessageAck big = acks.get(150).join();
			assertThat(big.records()).isEqualTo(2500);
			assertThat(big.end().seqNum() - big.start().seqNum()).isEqualTo(2500);
			assertThat(acks.get(151).join().start().seqNum()).isEqualTo(big.end().seqNum());
		}
		MessageReader<Note> reader = new MessageReader<>(S2Serializer.json(Note.class));
		MessageReaderTests.Collector<Note> collector = new MessageReaderTests.Collector<>();
		try (ReadSession session = stream.readSession(ReadOptions.fromSeqNum(0))) {
			reader.read(session).subscribe(collector);
			await().atMost(60, TimeUnit.SECONDS).until(() -> collector.values().contains(new Note(-2, "end")));
		}
		assertThat(collector.items).allMatch((outcome) -> outcome instanceof Message<Note>);
		assertThat(collector.values()).containsExactlyElementsOf(notes);
	}

}
