package io.github.s2spring.client.patterns;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.s2spring.client.S2Client;
import io.github.s2spring.client.TestServers;
import io.github.s2spring.client.config.AppendRetryPolicy;
import io.github.s2spring.client.config.RetryPolicy;
import io.github.s2spring.client.data.AppendSession;
import io.github.s2spring.client.data.ReadBatch;
import io.github.s2spring.client.data.ReadOptions;
import io.github.s2spring.client.data.S2Stream;
import io.github.s2spring.client.data.SequencedRecord;
import io.github.s2spring.embedded.junit.FaultProxy;
import io.github.s2spring.embedded.S2EmbeddedServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A connection reset in the middle of a large message: the append session resends the
 * unacknowledged batches with their stamps, and readers see the message exactly once.
 */
class PatternsFaultTests {

	private S2EmbeddedServer server;

	private FaultProxy proxy;

	private S2Client direct;

	record Event(String id, String body) {
	}

	@BeforeEach
	void start() throws Exception {
		this.server = TestServers.start();
		this.proxy = new FaultProxy(this.server.port());
		this.direct = S2Client.create(TestServers.config(this.server.baseUrl()).build());
	}

	@AfterEach
	void stop() throws Exception {
		this.direct.close();
		this.proxy.close();
		this.server.close();
	}

	@Test
	void resetInTheMiddleOfATenMebibyteMessageYieldsExactlyOneCopy() throws Exception {
		String streamName = "reset-mid-message";
		Event big = new Event("big", text(10 * 1024 * 1024));
		List<Event> events = List.of(new Event("before", "small"), big, new Event("after", "small too"),
				new Event("end", ""));
		this.proxy.bandwidth(8 * 1024 * 1024);
		try (S2Client client = S2Client.create(TestServers.config(this.proxy.baseUrl())
			.appendRetryPolicy(AppendRetryPolicy.ALL)
			.retryPolicy(new RetryPolicy(10, Duration.ofMillis(20), Duration.ofMillis(200)))
			.requestTimeout(Duration.ofSeconds(10))
			.build())) {
			S2Stream stream = client.basin(TestServers.BASIN).stream(streamName);
			AtomicInteger acked = new AtomicInteger();
			List<CompletableFuture<MessageAck>> acks = new ArrayList<>();
			try (AppendSession session = stream.appendSession()) {
				AppendSink sink = AppendSink.of(session);
				AppendSink counting = (batch) -> sink.append(batch).whenComplete((ack, ex) -> acked.incrementAndGet());
				SerializingAppendSession<Event> writer = new SerializingAppendSession<>(counting,
						S2Serializer.json(Event.class));
				acks.add(writer.send(events.get(0)));
				acks.add(writer.send(big));
				// reset once the first batches of the big message are acknowledged
				await().atMost(60, TimeUnit.SECONDS).until(() -> acked.get() >= 3);
				this.proxy.reset();
				acks.add(writer.send(events.get(2)));
				acks.add(writer.send(events.get(3)));
				CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
			}
			assertThat(acks.get(1).join().records()).isEqualTo(11);
			assertThat(this.proxy.acceptedConnections()).isGreaterThan(1);
		}
		List<SequencedRecord> stored = new ArrayList<>();
		S2Stream stream = this.direct.basin(TestServers.BASIN).stream(streamName);
		long tail = stream.checkTail().seqNum();
		while (stored.size() < tail) {
			ReadBatch batch = stream.read(ReadOptions.fromSeqNum(stored.size()));
			stored.addAll(batch.records());
		}
		List<ReadOutcome<Event>> outcomes = new MessageReader<>(S2Serializer.json(Event.class)).readAll(stored);
		assertThat(outcomes).allMatch((outcome) -> outcome instanceof ReadOutcome.Message<Event>);
		assertThat(MessageReaderTests.values(outcomes)).containsExactlyElementsOf(events);

		NodeScripts.ensureInstalled();
		assertThat(NodeScripts.node("ts-read.mjs", this.server.baseUrl(), TestServers.BASIN, streamName))
			.containsExactlyElementsOf(events.stream().map(PatternsFaultTests::summary).toList());
	}

	private static String summary(Event event) {
		return PatternsInteropTests.summary(new PatternsInteropTests.Event(event.id(), event.body()));
	}

	private static String text(int size) {
		Random random = new Random(11);
		char[] chars = new char[size];
		for (int i = 0; i < size; i++) {
			chars[i] = (char) ('a' + random.nextInt(26));
		}
		return new String(chars);
	}

}
