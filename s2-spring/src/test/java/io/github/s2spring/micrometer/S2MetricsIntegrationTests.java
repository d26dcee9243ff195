package io.github.s2spring.micrometer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.support.StaticApplicationContext;

import io.github.s2spring.client.data.SequencedRecord;
import io.github.s2spring.config.DefaultS2ListenerContainerFactory;
import io.github.s2spring.config.SimpleS2ListenerEndpoint;
import io.github.s2spring.core.S2AppenderOptions;
import io.github.s2spring.core.S2AppenderRegistry;
import io.github.s2spring.core.S2ReceivedMessage;
import io.github.s2spring.core.S2SendResult;
import io.github.s2spring.core.S2Template;
import io.github.s2spring.embedded.S2EmbeddedServer;
import io.github.s2spring.embedded.junit.S2EmbeddedExtension;
import io.github.s2spring.listener.S2ListenerContainer;
import io.github.s2spring.support.DefaultS2MessageConverter;
import io.github.s2spring.support.S2StartPosition;
import io.github.s2spring.testsupport.TestS2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The meters of {@link S2Metrics} on a real embedded S2: exact values after sending and
 * receiving, one set of meters for any number of streams unless stream tags are on, and
 * meters of gone listeners and appenders removed.
 */
@ExtendWith(S2EmbeddedExtension.class)
class S2MetricsIntegrationTests {

	private TestS2 s2;

	private String basin;

	private DefaultS2ListenerContainerFactory factory;

	private S2AppenderRegistry appenders;

	private S2Template template;

	private final List<S2ListenerContainer> containers = new ArrayList<>();

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private S2Metrics metrics;

	@BeforeEach
	void connect(S2EmbeddedServer server) {
		this.s2 = new TestS2(server.baseUrl());
		this.basin = this.s2.createBasin();
		this.factory = new DefaultS2ListenerContainerFactory(this.s2.client());
		this.factory.setDefaultBasin(this.basin);
		this.appenders = new S2AppenderRegistry(this.s2.client(),
				S2AppenderOptions.defaults().withCreateStreams(true).withIdleTimeout(Duration.ofMillis(300)));
		this.template = new S2Template(this.s2.client(), this.appenders, new DefaultS2MessageConverter(), this.basin);
	}

	@AfterEach
	void close() {
		if (this.metrics != null) {
			this.metrics.close();
		}
		this.containers.forEach(S2ListenerContainer::stop);
		this.appenders.destroy();
		this.factory.destroy();
		this.s2.close();
	}

	@Test
	void addsUpStreamsIntoOneSetOfMetersPerListenerAndBasin() throws Exception {
		send("orders-a", 3);
		send("orders-b", 2);
		List<S2ReceivedMessage<byte[]>> received = new CopyOnWriteArrayList<>();
		S2ListenerContainer container = container("orders", S2StartPosition.beginning(),
				(messages) -> received.addAll(messages), "orders-a", "orders-b");
		bind(false);
		container.start();
		await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 5);

		long bytes = meteredBytes("orders-a") + meteredBytes("orders-b");
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(counter(S2Metrics.LISTENER_MESSAGES, "orders")).isEqualTo(5));
		assertThat(counter(S2Metrics.LISTENER_RECORDS, "orders")).isEqualTo(5);
		assertThat(counter(S2Metrics.LISTENER_BYTES, "orders")).isEqualTo(bytes);
		assertThat(gauge(S2Metrics.LISTENER_LAG, "orders")).isZero();
		assertThat(counter(S2Metrics.LISTENER_RECONNECTS, "orders")).isZero();
		assertThat(counter(S2Metrics.LISTENER_ERRORS, "orders")).isZero();
		assertThat(counter(S2Metrics.LISTENER_RECOVERED, "orders")).isZero();
		assertThat(this.registry.find(S2Metrics.LISTENER_RECORDS).meters()).singleElement()
			.satisfies((meter) -> assertThat(meter.getId().getTag(S2Metrics.STREAM)).isNull());
		Meter.Id id = this.registry.get(S2Metrics.LISTENER_BYTES).meter().getId();
		assertThat(id.getBaseUnit()).isEqualTo("bytes");
		assertThat(id.getDescription()).isEqualTo("Metered bytes the listener received");

		container.stop();
		this.metrics.refresh();
		assertThat(counter(S2Metrics.LISTENER_MESSAGES, "orders")).isEqualTo(5);
		assertThat(counter(S2Metrics.LISTENER_BYTES, "orders")).isEqualTo(bytes);
	}

	@Test
	void lagIsTheRecordsBetweenThePositionAndTheTail() throws Exception {
		send("backlog", 7);
		List<S2ReceivedMessage<byte[]>> received = new CopyOnWriteArrayList<>();
		S2ListenerContainer container = container("backlog", S2StartPosition.beginning(),
				(messages) -> received.addAll(messages), "backlog");
		container.pause();
		bind(false);
		container.start();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(gauge(S2Metrics.LISTENER_LAG, "backlog")).isEqualTo(7));
		container.resume();
		await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 7);
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(gauge(S2Metrics.LISTENER_LAG, "backlog")).isZero());
		assertThat(counter(S2Metrics.LISTENER_MESSAGES, "backlog")).isEqualTo(7);
	}

	@Test
	void appenderMetersCountPendingSendsPerBasin() throws Exception {
		S2AppenderRegistry lingering = new S2AppenderRegistry(this.s2.client(),
				S2AppenderOptions.defaults().withCreateStreams(true).withLinger(Duration.ofSeconds(2)));
		try {
			S2Template slow = new S2Template(this.s2.client(), lingering, new DefaultS2MessageConverter(), this.basin);
			this.metrics = new S2Metrics(List::of, lingering, false);
			this.metrics.setRefreshInterval(Duration.ZERO);
			this.metrics.bindTo(this.registry);
			assertThat(this.registry.find(S2Metrics.APPENDER_QUEUE_DEPTH).meters()).isEmpty();
			List<CompletableFuture<S2SendResult>> sends = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				sends.add(slow.send("lingering", "message " + i));
			}
			this.metrics.refresh();
			assertThat(
					this.registry.get(S2Metrics.APPENDER_QUEUE_DEPTH).tag(S2Metrics.BASIN, this.basin).gauge().value())
				.isEqualTo(4);
			CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
			assertThat(this.registry.get(S2Metrics.APPENDER_QUEUE_DEPTH).gauge().value()).isZero();
			assertThat(this.registry.get(S2Metrics.APPENDER_INFLIGHT).gauge().value()).isZero();
			assertThat(this.registry.get(S2Metrics.APPENDER_RECONNECTS).functionCounter().count()).isZero();
			assertThat(this.registry.get(S2Metrics.APPENDER_QUEUE_DEPTH).gauge().getId().getBaseUnit())
				.isEqualTo("sends");
		}
		finally {
			lingering.destroy();
		}
	}

	@Test
	void streamTagsGiveEachStreamItsOwnMetersAndRemoveThemWhenItIsGone() throws Exception {
		send("tagged-a", 3);
		send("tagged-b", 1);
		List<S2ReceivedMessage<byte[]>> received = new CopyOnWriteArrayList<>();
		S2ListenerContainer container = container("tagged", S2StartPosition.beginning(),
				(messages) -> received.addAll(messages), "tagged-a", "tagged-b");
		container.start();
		bind(true);
		await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 4);
		this.metrics.refresh();
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(streamCounter(S2Metrics.LISTENER_MESSAGES, "tagged-a")).isEqualTo(3));
		assertThat(streamCounter(S2Metrics.LISTENER_MESSAGES, "tagged-b")).isEqualTo(1);
		assertThat(streamCounter(S2Metrics.LISTENER_BYTES, "tagged-b")).isEqualTo(meteredBytes("tagged-b"));
		assertThat(this.registry.find(S2Metrics.LISTENER_RECORDS).meters()).hasSize(2);
		assertThat(this.registry.find(S2Metrics.APPENDER_RECONNECTS).meters())
			.extracting((meter) -> meter.getId().getTag(S2Metrics.STREAM))
			.containsExactlyInAnyOrder("tagged-a", "tagged-b");
		assertThat(this.registry.get(S2Metrics.APPENDER_QUEUE_DEPTH).tag(S2Metrics.STREAM, "tagged-a").gauge().value())
			.isZero();

		container.stop();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.appenders.appenders().isEmpty());
		this.metrics.refresh();
		assertThat(this.registry.getMeters()).isEmpty();
	}

	@Test
	void refreshesOnItsOwnAndCloseRemovesEveryMeter() throws Exception {
		this.metrics = new S2Metrics(() -> this.containers, this.appenders, false);
		this.metrics.onApplicationEvent(new ContextRefreshedEvent(new StaticApplicationContext()));
		this.metrics.setRefreshInterval(Duration.ofMillis(50));
		this.metrics.bindTo(this.registry);
		assertThat(this.metrics.isStreamTags()).isFalse();
		assertThat(this.registry.getMeters()).isEmpty();
		send("later", 1);
		container("later", S2StartPosition.tail(), (messages) -> {
		}, "later");
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(this.registry.getMeters()).hasSize(10));
		this.metrics.close();
		assertThat(this.registry.getMeters()).isEmpty();
		this.metrics.refresh();
		assertThat(this.registry.getMeters()).isEmpty();
	}

	private void bind(boolean streamTags) {
		this.metrics = new S2Metrics(() -> this.containers, this.appenders, streamTags);
		this.metrics.setRefreshInterval(Duration.ZERO);
		this.metrics.bindTo(this.registry);
	}

	private void send(String stream, int count) throws Exception {
		for (int i = 0; i < count; i++) {
			this.template.send(stream, "message " + i).get(10, TimeUnit.SECONDS);
		}
	}

	private long meteredBytes(String stream) {
		return this.s2.read(this.basin, stream).stream().mapToLong(SequencedRecord::meteredBytes).sum();
	}

	private S2ListenerContainer container(String id, S2StartPosition from, Receiver receiver, String... streams) {
		SimpleS2ListenerEndpoint endpoint = new SimpleS2ListenerEndpoint((messages, ack) -> receiver.receive(messages));
		endpoint.setId(id);
		endpoint.setStreams(List.of(streams));
		endpoint.setStartPosition(from);
		S2ListenerContainer container = this.factory.createListenerContainer(endpoint);
		this.containers.add(container);
		return container;
	}

	private double counter(String name, String listener) {
		FunctionCounter counter = this.registry.get(name)
			.tag(S2Metrics.LISTENER_ID, listener)
			.tag(S2Metrics.BASIN, this.basin)
			.functionCounter();
		return counter.count();
	}

	private double streamCounter(String name, String stream) {
		return this.registry.get(name).tag(S2Metrics.STREAM, stream).functionCounter().count();
	}

	private double gauge(String name, String listener) {
		Gauge gauge = this.registry.get(name).tag(S2Metrics.LISTENER_ID, listener).gauge();
		return gauge.value();
	}

	@FunctionalInterface
	interface Receiver {

		void receive(List<S2ReceivedMessage<byte[]>> messages);

	}

}
