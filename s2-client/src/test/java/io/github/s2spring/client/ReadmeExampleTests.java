package io.github.s2spring.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.github.s2spring.client.config.S2ClientConfig;
import io.github.s2spring.client.data.AppendAck;
import io.github.s2spring.client.data.AppendBatch;
import io.github.s2spring.client.data.AppendBatchBuilder;
import io.github.s2spring.client.data.AppendRecord;
import io.github.s2spring.client.data.AppendSession;
import io.github.s2spring.client.data.Header;
import io.github.s2spring.client.data.ReadBatch;
import io.github.s2spring.client.data.ReadOptions;
import io.github.s2spring.client.data.ReadSession;
import io.github.s2spring.client.data.ReadSessionOptions;
import io.github.s2spring.client.data.S2Stream;
import io.github.s2spring.client.data.SessionEvent;
import io.github.s2spring.client.data.SessionState;
import io.github.s2spring.client.patterns.MessageAck;
import io.github.s2spring.client.patterns.MessageReader;
import io.github.s2spring.client.patterns.MessageWriterOptions;
import io.github.s2spring.client.patterns.ReadOutcome;
import io.github.s2spring.client.patterns.S2Serializer;
import io.github.s2spring.client.patterns.SerializingAppendSession;
import io.github.s2spring.embedded.S2EmbeddedServer;
import io.github.s2spring.protocol.StreamPosition;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The examples proposed for the README, run against the embedded server.
 */
class ReadmeExampleTests {

	@Test
	void unaryAndSessionExamplesWork() {
		try (S2EmbeddedServer server = TestServers.start()) {
			S2ClientConfig config = S2ClientConfig
				.fromEnvironment(java.util.Map.of("S2_ACCESS_TOKEN", "dev", "S2_ACCOUNT_ENDPOINT", server.baseUrl(),
						"S2_BASIN_ENDPOINT", server.baseUrl()))
				.build();
			try (S2Client client = S2Client.create(config)) {
				S2Stream stream = client.basin("test-basin").stream("chat/général");

				AppendAck ack = stream.append(
						AppendBatch.of(AppendRecord.of("hello"), AppendRecord.of("world").withHeader("lang", "en")));
				ReadBatch batch = stream.read(ReadOptions.fromSeqNum(ack.start().seqNum()).withCount(10));
				StreamPosition tail = stream.checkTail();

				List<CompletableFuture<AppendAck>> acks = new ArrayList<>();
				try (AppendSession session = stream.appendSession()) {
					for (int i = 0; i < 100; i++) {
						acks.add(session.appendAsync(AppendBatch.of(AppendRecord.of("message " + i))));
					}
				}

				List<String> bodies = new ArrayList<>();
				try (ReadSession session = stream.readSession(ReadOptions.fromSeqNum(0).withCount(102))) {
					session.records().forEachRemaining((record) -> bodies.add(record.bodyAsString()));
				}

				List<SessionEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
				ReadSession following = stream.readSession(ReadOptions.fromTail(),
						ReadSessionOptions.defaults().withListener(events::add));
				following.batches();
				org.awaitility.Awaitility.await().until(() -> following.state().caughtUp());
				following.closeAsync().join();
				org.awaitility.Awaitility.await().until(() -> events.contains(new SessionEvent.Closed()));
				assertThat(events).startsWith(new SessionEvent.Connecting(1), new SessionEvent.Connected(1))
					.endsWith(new SessionEvent.Closed());
				assertThat(following.state().phase()).isEqualTo(SessionState.Phase.CLOSED);

				assertThat(batch.records()).hasSize(2);
				assertThat(batch.records().get(1).headers()).containsExactly(Header.of("lang", "en"));
				assertThat(tail.seqNum()).isEqualTo(2);
				assertThat(acks.get(99).join().end().seqNum()).isEqualTo(102);
				assertThat(bodies).hasSize(102).startsWith("hello", "world", "message 0").endsWith("message 99");
				assertThat(stream.fenceAsync("writer-1", null).join().recordCount()).isEqualTo(1);
				assertThat(stream.trimAsync(2).orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join()).isNotNull();
			}
		}
	}

	@Test
	void builderExampleWorks() {
		try (S2EmbeddedServer server = TestServers.start();
				S2Client client = S2Client.create(TestServers.config(server.baseUrl()).build())) {
			S2Stream stream = client.basin(TestServers.BASIN).stream("events");
			List<byte[]> events = new ArrayList<>();
			for (int i = 0; i < 2500; i++) {
				byte[] event = new byte[1024];
				java.nio.ByteBuffer.wrap(event).putInt(i);
				events.add(event);
			}

			AppendBatchBuilder builder = AppendBatch.builder();
			try (AppendSession session = stream.appendSession()) {
				for (byte[] event : events) {
					if (!builder.fits(event.length)) {
						session.submit(builder.build()).join();
					}
					builder.add(event);
				}
				if (!builder.isEmpty()) {
					session.submit(builder.build()).join();
				}
			}

			List<Integer> read = new ArrayList<>();
			try (ReadSession session = stream.readSession(ReadOptions.fromSeqNum(0).withCount(2500))) {
				session.records().forEachRemaining((record) -> read.add(record.body().getInt()));
			}
			assertThat(read).hasSize(2500);
			for (int i = 0; i < 2500; i++) {
				assertThat(read.get(i)).isEqualTo(i);
			}
		}
	}

	record Order(String id, int quantity) {
	}

	@Test
	void patternsExamplesWork() {
		try (S2EmbeddedServer server = TestServers.start();
				S2Client client = S2Client.create(TestServers.config(server.baseUrl()).build())) {
			S2Stream stream = client.basin(TestServers.BASIN).stream("orders");
			List<Order> handled = new ArrayList<>();
			List<List<Header>> headers = new ArrayList<>();

			try (var writer = SerializingAppendSession.of(stream.appendSession(), S2Serializer.json(Order.class))) {
				writer.send(new Order("o-1", 42));
				writer.send(new Order("o-2", 7), List.of(Header.of("content-type", "application/json")));
			}

			var reader = new MessageReader<>(S2Serializer.json(Order.class));
			try (ReadSession session = stream.readSession(ReadOptions.fromSeqNum(0).withCount(2))) {
				Iterator<ReadOutcome<Order>> outcomes = reader.iterate(session);
				while (outcomes.hasNext()) {
					if (outcomes.next() instanceof ReadOutcome.Message<Order> message) {
						handled.add(message.value());
						headers.add(message.headers());
					}
				}
			}

			stream.fence("writer-1", null);
			var options = MessageWriterOptions.builder()
				.linger(Duration.ofMillis(5))
				.maxQueuedMessages(1000)
				.maxQueuedBytes(64 << 20)
				.fencingToken("writer-1")
				.matchSeqNum(stream.checkTail().seqNum())
				.build();
			MessageAck third;
			try (var writer = SerializingAppendSession.of(stream.appendSession(), S2Serializer.json(Order.class),
					options)) {
				CompletableFuture<MessageAck> ack = writer.send(new Order("o-3", 1));
				writer.flush().join();
				third = ack.join();
			}

			assertThat(handled).containsExactly(new Order("o-1", 42), new Order("o-2", 7));
			assertThat(headers).containsExactly(List.of(), List.of(Header.of("content-type", "application/json")));
			assertThat(third.start().seqNum()).isEqualTo(3);
		}
	}

}
