package io.github.s2spring.client.patterns;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.s2spring.client.S2Client;
import io.github.s2spring.client.TestServers;
import io.github.s2spring.client.config.AppendRetryPolicy;
import io.github.s2spring.client.config.RetryPolicy;
import io.github.s2spring.client.data.ReadBatch;
import io.github.s2spring.client.data.ReadOptions;
import io.github.s2spring.client.data.S2Stream;
import io.github.s2spring.client.data.SequencedRecord;
import io.github.s2spring.embedded.junit.FaultProxy;
import io.github.s2spring.embedded.S2EmbeddedServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A connection reset in the middle of a burst that holds a large message: the append
 * session resends its unacknowledged batches with their stamps, every message future
 * completes, and readers (Java and TypeScript) see every message exactly once, in order.
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
	void resetInTheMiddleOfABurstYieldsEveryMessageExactlyOnce() throws Exception {
		String streamName = "reset-mid-burst";
		List<Event> events = new ArrayList<>();
		Random random = new Random(11);
		for (int i = 0; i < 2000; i++) {
			events.add(new Event("before-" + i, text(random, 1000)));
		}
		events.add(new Event("big", text(random, 10 * 1024 * 1024)));
		for (int i = 0; i < 2000; i++) {
			events.add(new Event("after-" + i, text(random, 1000)));
		}
		events.add(new Event("end", ""));
		this.proxy.bandwidth(8 * 1024 * 1024);
		try (S2Client client = S2Client.create(TestServers.config(this.proxy.baseUrl())
			.appendRetryPolicy(AppendRetryPolicy.ALL)
			.retryPolicy(new RetryPolicy(10, Duration.ofMillis(20), Duration.ofMillis(200)))
			.sessionRetryPolicy(new RetryPolicy(10, Duration.ofMillis(20), Duration.ofMillis(200)))
			.requestTimeout(Duration.ofSeconds(10))
			.build())) {
			S2Stream stream = client.basin(TestServers.BASIN).stream(streamName);
			ObservedSession observed = ObservedSession.of(stream.appendSession());
			SerializingAppendSession<Event> writer = SerializingAppendSession.of(observed.session(),
					S2Serializer.json(Event.class), MessageWriterOptions.builder().maxQueuedMessages(10_000).build());
			List<CompletableFuture<MessageAck>> acks = new ArrayList<>();
			for (int i = 0; i < 2002; i++) {
				acks.add(writer.send(events.get(i)));
			}
			// reset once the first batches of the big message are acknowledged
			await().atMost(60, TimeUnit.SECONDS)
				.until(() -> observed.submitted().stream().filter((batch) -> batch.ack().isDone()).count() >= 4);
			this.proxy.reset();
			for (int i = 2002; i < events.size(); i++) {
				acks.add(writer.send(events.get(i)));
			}
			CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
			writer.close();
			assertThat(acks.get(2000).join().records()).isEqualTo(11);
			assertThat(this.proxy.acceptedConnections()).isGreaterThan(1);
		}
		List<SequencedRecord> stored = new ArrayList<>();
		S2Stream stream = this.direct.basin(TestServers.BASIN).stream(streamName);
		long tail = stream.checkTail().seqNum();
		while (stored.size() < tail) {
			ReadBatch batch = stream.read(ReadOptions.fromSeqNum(stored.size()));
			stored.addAll(batch.records());
		}
		MessageReader<Event> reader = new MessageReader<>(S2Serializer.json(Event.class));
		List<ReadOutcome<Event>> outcomes = TestRecords.read(reader, stored);
		assertThat(outcomes).allMatch((outcome) -> outcome instanceof ReadOutcome.Message<Event>);
		assertThat(MessageReaderTests.values(outcomes)).containsExactlyElementsOf(events);
		assertThat(stored.size() - reader.duplicatesDropped()).isEqualTo(2000 + 11 + 2000 + 1);

		NodeScripts.ensureInstalled();
		assertThat(NodeScripts.node("ts-read.mjs", this.server.baseUrl(), TestServers.BASIN, streamName))
			.containsExactlyElementsOf(events.stream().map(PatternsFaultTests::summary).toList());
	}

	private static String summary(Event event) {
		return PatternsInteropTests.summary(new PatternsInteropTests.Event(event.id(), event.body()));
	}

	private static String text(Random random, int size) {
		char[] chars = new char[size];
		for (int i = 0; i < size; i++) {
			chars[i] = (char) ('a' + random.nextInt(26));
		}
		return new String(chars);
	}

}
