package io.github.s2spring.listener;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.github.s2spring.config.DefaultS2ListenerContainerFactory;
import io.github.s2spring.config.SimpleS2ListenerEndpoint;
import io.github.s2spring.embedded.S2EmbeddedServer;
import io.github.s2spring.testsupport.TestS2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Positions: a restarted application resumes from the positions kept in its S2 stream,
 * the position stream stays short, and each ack mode commits when it says.
 */
class PositionsIntegrationTests extends ListenerTestSupport {

	@Test
	void restartedApplicationResumesFromItsStoredPositions() {
		this.s2.createStream(this.basin, "orders");
		append("orders", 0, 10);
		List<String> first = new CopyOnWriteArrayList<>();
		try (Application application = new Application(this.server, this.basin)) {
			application.start("orders", first);
			await().atMost(Duration.ofSeconds(10)).until(() -> first.size() == 10);
		}
		append("orders", 10, 15);
		List<String> second = new CopyOnWriteArrayList<>();
		try (Application application = new Application(this.server, this.basin)) {
			application.start("orders", second);
			await().atMost(Duration.ofSeconds(10)).until(() -> second.size() == 5);
			await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> second.size() == 5);
		}
		assertThat(first).containsExactly("m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9");
		assertThat(second).containsExactly("m10", "m11", "m12", "m13", "m14");
	}

	@Test
	void positionStreamIsCompactedSoThatLoadingReadsLittle() {
		StreamS2PositionStore store = new StreamS2PositionStore(this.s2.client(), this.basin);
		store.setCompactAfter(5);
		for (int i = 1; i <= 40; i++) {
			store.save("compacted", this.basin, "a", i);
			store.save("compacted", this.basin, "b", 100 + i);
			store.flush();
		}
		int records = this.s2.read(this.basin, store.streamName("compacted")).size();
		assertThat(records).isLessThanOrEqualTo(12);
		StreamS2PositionStore restarted = new StreamS2PositionStore(this.s2.client(), this.basin);
		assertThat(restarted.load("compacted", this.basin, "a")).hasValue(40);
		assertThat(restarted.load("compacted", this.basin, "b")).hasValue(140);
		assertThat(restarted.load("compacted", this.basin, "c")).isEmpty();
		assertThat(restarted.load("unknown", this.basin, "a")).isEmpty();
	}

	@Test
	void recordAckModeCommitsAfterEachMessageAndBatchModeAfterEachReadBatch() {
		this.s2.createStream(this.basin, "acks");
		append("acks", 0, 4);
		assertThat(commits(AckMode.RECORD)).containsExactly(1L, 2L, 3L, 4L);
		assertThat(commits(AckMode.BATCH)).containsExactly(4L);
	}

	private List<Long> commits(AckMode ackMode) {
		List<Long> commits = new CopyOnWriteArrayList<>();
		S2PositionStore recording = new S2PositionStore() {

			@Override
			public OptionalLong load(String listenerId, String basin, String stream) {
				return OptionalLong.empty();
			}

			@Override
			public void save(String listenerId, String basin, String stream, long nextSeqNum) {
				commits.add(nextSeqNum);
			}

		};
		DefaultS2ListenerContainerFactory factory = new DefaultS2ListenerContainerFactory(this.s2.client());
		factory.setDefaultBasin(this.basin);
		factory.setPositionStore(recording);
		factory.setAckMode(ackMode);
		List<String> received = new CopyOnWriteArrayList<>();
		SimpleS2ListenerEndpoint endpoint = new SimpleS2ListenerEndpoint(
				(messages, ack) -> messages.forEach((message) -> received.add(new String(message.payload()))));
		endpoint.setId("acks-" + ackMode);
		endpoint.setStreams(List.of("acks"));
		S2ListenerContainer container = factory.createListenerContainer(endpoint);
		container.start();
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 4);
			await().atMost(Duration.ofSeconds(5)).until(() -> commits.contains(4L));
		}
		finally {
			container.stop();
			factory.destroy();
		}
		return commits;
	}

	private void append(String stream, int from, int to) {
		for (int i = from; i < to; i++) {
			this.s2.appendRaw(this.basin, stream, "m" + i, Map.of());
		}
	}

	/**
	 * An application with its own client, a position store in S2 and one listener.
	 */
	private static final class Application implements AutoCloseable {

		private final TestS2 s2;

		private final DefaultS2ListenerContainerFactory factory;

		private S2ListenerContainer container;

		Application(S2EmbeddedServer server, String basin) {
			this.s2 = new TestS2(server.baseUrl());
			this.factory = new DefaultS2ListenerContainerFactory(this.s2.client());
			this.factory.setDefaultBasin(basin);
			this.factory.setPositionStore(new StreamS2PositionStore(this.s2.client(), basin));
		}

		void start(String stream, List<String> received) {
			SimpleS2ListenerEndpoint endpoint = new SimpleS2ListenerEndpoint(
					(messages, ack) -> messages.forEach((message) -> received.add(new String(message.payload()))));
			endpoint.setId("orders-app");
			endpoint.setStreams(List.of(stream));
			this.container = this.factory.createListenerContainer(endpoint);
			this.container.start();
		}

		@Override
		public void close() {
			this.container.stop();
			this.factory.destroy();
			this.s2.close();
		}

	}

}
