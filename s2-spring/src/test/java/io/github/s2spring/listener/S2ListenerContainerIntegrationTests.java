package io.github.s2spring.listener;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.github.s2spring.config.SimpleS2ListenerEndpoint;
import io.github.s2spring.core.S2ReceivedMessage;
import io.github.s2spring.core.S2Subscription;
import io.github.s2spring.support.S2RecordMetadata;
import io.github.s2spring.support.S2StartPosition;
import io.github.s2spring.testsupport.TestS2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Listener containers on a real embedded S2: order, dedupe and reassembly, start
 * positions, a stream that does not exist yet, pause, resume and seek, events.
 */
class S2ListenerContainerIntegrationTests extends ListenerTestSupport {

	record Note(int n, String text) {
	}

	@Test
	void deliversEveryMessageOnceInOrderIncludingLargeOnes() {
		this.s2.createStream(this.basin, "orders");
		String large = "x".repeat(3 * 1024 * 1024);
		try (TestS2.Writer writer = this.s2.duplicatingWriter(this.basin, "orders")) {
			for (int i = 0; i < 50; i++) {
				writer.send(new Note(i, (i == 25) ? large : "note " + i));
			}
		}
		List<S2ReceivedMessage<byte[]>> received = new CopyOnWriteArrayList<>();
		start(container("orders", S2StartPosition.beginning(), (messages, ack) -> received.addAll(messages)));
		await().atMost(Duration.ofSeconds(20)).until(() -> received.size() >= 50);
		List<String> payloads = received.stream().map((m) -> new String(m.payload())).toList();
		for (int i = 0; i < 50; i++) {
			assertThat(payloads.get(i)).startsWith("{\"n\":" + i + ",");
		}
		assertThat(payloads.get(25)).hasSize(large.length() + "{\"n\":25,\"text\":\"\"}".length());
		assertThat(received).hasSize(50);
		assertThat(received.get(25).metadata().lastSeqNum()).isGreaterThan(received.get(25).metadata().seqNum());
	}

	@Test
	void programmaticListenerConvertsPayloadsAndStartsAtTheTail() {
		this.s2.createStream(this.basin, "chat");
		try (TestS2.Writer writer = this.s2.writer(this.basin, "chat")) {
			writer.send(new Note(1, "before"));
			List<String> received = new CopyOnWriteArrayList<>();
			List<S2RecordMetadata> metadata = new CopyOnWriteArrayList<>();
			S2Subscription subscription = this.factory.listen(this.basin, "chat", Note.class, S2StartPosition.tail(),
					(note, meta) -> {
						received.add(note.text());
						metadata.add(meta);
					});
			try {
				awaitCaughtUp(subscription, "chat");
				writer.send(new Note(2, "after"), Map.of("trace", "t-1"));
				await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
				assertThat(received).containsExactly("after");
				assertThat(metadata.get(0).seqNum()).isEqualTo(1);
				assertThat(metadata.get(0).headers()).containsEntry("trace", "t-1")
					.containsEntry("content-type", "application/json");
				assertThat(metadata.get(0).writerId()).isNotNull();
			}
			finally {
				subscription.stop();
			}
			assertThat(subscription.isRunning()).isFalse();
		}
	}

	@Test
	void programmaticListenersAreCheapToStartAndStop() {
		this.s2.createStream(this.basin, "browsers");
		int threadsBefore = Thread.activeCount();
		List<S2Subscription> subscriptions = new ArrayList<>();
		List<String> received = new CopyOnWriteArrayList<>();
		long started = System.nanoTime();
		for (int i = 0; i < 200; i++) {
			subscriptions.add(this.factory.listen(this.basin, "browsers", String.class, S2StartPosition.tail(),
					(text, meta) -> received.add(text)));
		}
		await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> true);
		this.s2.appendRaw(this.basin, "browsers", "to everyone", Map.of());
		await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 200);
		subscriptions.forEach(S2Subscription::stop);
		Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
		assertThat(subscriptions).noneMatch(S2Subscription::isRunning);
		assertThat(Thread.activeCount() - threadsBefore).isLessThan(12);
		assertThat(elapsed).isLessThan(Duration.ofSeconds(10));
		this.s2.appendRaw(this.basin, "browsers", "to nobody", Map.of());
		await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> received.size() == 200);
	}

	@Test
	void tailOfAStreamThatDoesNotExistYetIsItsFirstMessage() {
		List<String> received = new CopyOnWriteArrayList<>();
		S2Subscription subscription = this.factory.listen(this.basin, "later", String.class, S2StartPosition.tail(),
				(text, meta) -> received.add(text));
		try {
			await().pollDelay(Duration.ofMillis(700)).atMost(Duration.ofSeconds(5)).until(() -> true);
			this.s2.createStream(this.basin, "later");
			this.s2.appendRaw(this.basin, "later", "first", Map.of());
			this.s2.appendRaw(this.basin, "later", "second", Map.of());
			await().atMost(Duration.ofSeconds(15)).until(() -> received.size() == 2);
			assertThat(received).containsExactly("first", "second");
		}
		finally {
			subscription.stop();
		}
	}

	@Test
	void waitsForAStreamThatDoesNotExistWithoutFailing() {
		List<String> received = new CopyOnWriteArrayList<>();
		S2ListenerContainer container = container("missing", S2StartPosition.beginning(),
				(messages, ack) -> messages.forEach((m) -> received.add(new String(m.payload()))));
		start(container);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> container.getState().streams().get(0).phase() == S2StreamState.Phase.WAITING);
		assertThat(container.getState().streams().get(0).lastFailure()).isNotNull();
		this.s2.createStream(this.basin, "missing");
		this.s2.appendRaw(this.basin, "missing", "finally", Map.of());
		await().atMost(Duration.ofSeconds(15)).until(() -> received.size() == 1);
		assertThat(container.getState().streams().get(0).phase()).isEqualTo(S2StreamState.Phase.CONNECTED);
		assertThat(this.events).noneMatch(S2ListenerFailedEvent.class::isInstance);
	}

	@Test
	void startsAtASeqNumOrATimestamp() throws Exception {
		this.s2.createStream(this.basin, "history");
		for (int i = 0; i < 5; i++) {
			this.s2.appendRaw(this.basin, "history", "m" + i, Map.of());
		}
		List<io.github.s2spring.client.data.SequencedRecord> records = this.s2.read(this.basin, "history");
		long timestamp = records.get(3).timestamp();
		String firstAtTimestamp = records.stream()
			.filter((record) -> record.timestamp() >= timestamp)
			.findFirst()
			.orElseThrow()
			.bodyAsString();
		List<String> fromSeq = new CopyOnWriteArrayList<>();
		List<String> fromTime = new CopyOnWriteArrayList<>();
		S2Subscription bySeq = this.factory.listen(this.basin, "history", String.class, S2StartPosition.seqNum(2),
				(text, meta) -> fromSeq.add(text));
		S2Subscription byTime = this.factory.listen(this.basin, "history", String.class,
				S2StartPosition.timestamp(timestamp), (text, meta) -> fromTime.add(text));
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> fromSeq.size() == 3 && fromTime.size() >= 1);
			assertThat(fromSeq).containsExactly("m2", "m3", "m4");
			assertThat(fromTime.get(0)).isEqualTo(firstAtTimestamp);
		}
		finally {
			bySeq.stop();
			byTime.stop();
		}
	}

	@Test
	void pausedListenerReceivesNothingUntilResumedAndSeekRedelivers() {
		this.s2.createStream(this.basin, "paused");
		List<String> received = new CopyOnWriteArrayList<>();
		S2ListenerContainer container = container("paused", S2StartPosition.beginning(),
				(messages, ack) -> messages.forEach((m) -> received.add(new String(m.payload()))));
		start(container);
		this.s2.appendRaw(this.basin, "paused", "a", Map.of());
		await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
		container.pause();
		this.s2.appendRaw(this.basin, "paused", "b", Map.of());
		this.s2.appendRaw(this.basin, "paused", "c", Map.of());
		await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(3)).until(() -> received.size() == 1);
		assertThat(container.getState().streams().get(0).phase()).isEqualTo(S2StreamState.Phase.PAUSED);
		assertThat(container.getState().paused()).isTrue();
		container.resume();
		await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 3);
		container.seek("paused", S2StartPosition.seqNum(1));
		await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 5);
		assertThat(received).containsExactly("a", "b", "c", "b", "c");
		S2StreamState state = container.getState().streams().get(0);
		assertThat(state.messagesDelivered()).isEqualTo(5);
		assertThat(state.position()).isEqualTo(3);
		assertThat(state.lastTail()).isEqualTo(3);
		assertThat(state.lag()).isZero();
		assertThat(state.phase()).isEqualTo(S2StreamState.Phase.CONNECTED);
	}

	@Test
	void publishesCaughtUpOncePerStart() {
		this.s2.createStream(this.basin, "events");
		this.s2.appendRaw(this.basin, "events", "a", Map.of());
		this.s2.appendRaw(this.basin, "events", "b", Map.of());
		List<String> received = new CopyOnWriteArrayList<>();
		S2ListenerContainer container = container("events", S2StartPosition.beginning(),
				(messages, ack) -> messages.forEach((m) -> received.add(new String(m.payload()))));
		start(container);
		await().atMost(Duration.ofSeconds(10)).until(() -> caughtUp("events").size() == 1);
		assertThat(received).containsExactly("a", "b");
		assertThat(caughtUp("events").get(0).getTail()).isEqualTo(2);
		this.s2.appendRaw(this.basin, "events", "c", Map.of());
		await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 3);
		assertThat(caughtUp("events")).hasSize(1);
	}

	@Test
	void prefixListenerReadsNewStreamsAsTheyAppearButNotDeadLetterStreams() {
		this.factory.setDiscoveryInterval(Duration.ofMillis(200));
		this.s2.createStream(this.basin, "orders/eu");
		this.s2.createStream(this.basin, "audit");
		this.s2.appendRaw(this.basin, "orders/eu", "eu-1", Map.of());
		this.s2.appendRaw(this.basin, "audit", "audit-1", Map.of());
		List<String> received = new CopyOnWriteArrayList<>();
		SimpleS2ListenerEndpoint endpoint = new SimpleS2ListenerEndpoint(
				(messages, ack) -> messages.forEach((m) -> received.add(new String(m.payload()))));
		endpoint.setId("prefix");
		endpoint.setStreamPrefix("orders/");
		endpoint.setStartPosition(S2StartPosition.beginning());
		S2ListenerContainer container = track(this.factory.createListenerContainer(endpoint));
		start(container);
		await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
		this.s2.createStream(this.basin, "orders/us");
		this.s2.createStream(this.basin, "orders/eu.dlt");
		this.s2.appendRaw(this.basin, "orders/us", "us-1", Map.of());
		this.s2.appendRaw(this.basin, "orders/eu.dlt", "dead", Map.of());
		this.s2.appendRaw(this.basin, "orders/eu", "eu-2", Map.of());
		await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 3);
		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3)).until(() -> received.size() == 3);
		assertThat(received).containsExactlyInAnyOrder("eu-1", "eu-2", "us-1");
		assertThat(received.indexOf("eu-1")).isLessThan(received.indexOf("eu-2"));
		assertThat(container.getStreams()).containsExactly("orders/eu", "orders/us");
		this.s2.client().basin(this.basin).streams().delete("orders/us");
		await().atMost(Duration.ofSeconds(10)).until(() -> container.getStreams().size() == 1);
	}

	@Test
	void publishesIdleEventsWhileNothingArrives() {
		this.factory.setIdleEventInterval(Duration.ofMillis(200));
		this.s2.createStream(this.basin, "quiet");
		start(container("quiet", S2StartPosition.beginning(), (messages, ack) -> {
		}));
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.events.stream().filter(S2ListenerIdleEvent.class::isInstance).count() >= 2);
		S2ListenerIdleEvent idle = (S2ListenerIdleEvent) this.events.stream()
			.filter(S2ListenerIdleEvent.class::isInstance)
			.findFirst()
			.orElseThrow();
		assertThat(idle.getListenerId()).isEqualTo("test-quiet");
		assertThat(idle.getIdleTime()).isGreaterThanOrEqualTo(Duration.ofMillis(200));
	}

	private List<S2ListenerCaughtUpEvent> caughtUp(String stream) {
		return events(S2ListenerCaughtUpEvent.class).stream()
			.filter((event) -> event.getStream().equals(stream))
			.toList();
	}

	private void awaitCaughtUp(S2Subscription subscription, String stream) {
		await().atMost(Duration.ofSeconds(10)).until(() -> subscription.isRunning());
		await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> true);
	}

	private S2ListenerContainer container(String stream, S2StartPosition from, S2ContainerListener listener) {
		return container("test-" + stream, stream, from, null, listener);
	}

	private void start(S2ListenerContainer container) {
		container.start();
		assertThat(container.isRunning()).isTrue();
	}

}
