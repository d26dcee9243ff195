package io.github.s2spring.boot.autoconfigure;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.github.s2spring.annotation.S2Listener;
import io.github.s2spring.boot.actuate.endpoint.S2Endpoint;
import io.github.s2spring.boot.actuate.endpoint.S2Endpoint.AppenderDescriptor;
import io.github.s2spring.boot.actuate.endpoint.S2Endpoint.ListenerDescriptor;
import io.github.s2spring.boot.actuate.endpoint.S2Endpoint.StreamDescriptor;
import io.github.s2spring.boot.health.S2HealthIndicator;
import io.github.s2spring.client.S2Client;
import io.github.s2spring.client.data.ReadOptions;
import io.github.s2spring.client.data.SequencedRecord;
import io.github.s2spring.core.S2BasinDeclaration;
import io.github.s2spring.core.S2Operations;
import io.github.s2spring.core.S2StreamDeclaration;
import io.github.s2spring.embedded.S2EmbeddedServer;
import io.github.s2spring.embedded.junit.FaultProxy;
import io.github.s2spring.listener.S2StreamState;
import io.github.s2spring.micrometer.S2Metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Health, meters and the {@code s2} endpoint of a Boot application talking to an embedded
 * S2 over real sockets, through a fault proxy that can make S2 unreachable: exact
 * statuses, values and contents after sending and receiving.
 */
@SpringBootTest(classes = S2ObservabilityIntegrationTests.App.class,
		properties = { "s2.basin=observed", "s2.base-delay=50ms", "s2.max-delay=200ms", "s2.health.timeout=500ms",
				"s2.metrics.refresh-interval=100ms", "management.endpoints.web.exposure.include=s2" })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class S2ObservabilityIntegrationTests {

	private static S2EmbeddedServer server;

	private static FaultProxy proxy;

	@Autowired
	private S2Operations template;

	@Autowired
	private S2Client client;

	@Autowired
	private S2HealthIndicator health;

	@Autowired
	private S2Endpoint endpoint;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private S2Metrics metrics;

	@Autowired
	private List<String> received;

	@DynamicPropertySource
	static void s2(DynamicPropertyRegistry registry) throws IOException {
		server = S2EmbeddedServer.builder().port(0).build().start();
		proxy = new FaultProxy(server.port());
		registry.add("s2.base-url", proxy::baseUrl);
	}

	@AfterAll
	static void stop() throws IOException {
		proxy.close();
		server.close();
	}

	@BeforeEach
	void listenerConnected() {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.endpoint.listener("orders").streams().get(0).phase().equals("CONNECTED"));
	}

	@Test
	@Order(1)
	void healthIsUpWithAnEntryPerListenerAndTheAppenders() {
		Health health = this.health.health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsOnlyKeys("controlPlane", "listeners", "appenders");
		assertThat(health.getDetails().get("controlPlane")).isEqualTo(Map.of("status", "UP"));
		assertThat(health.getDetails().get("listeners")).isEqualTo(Map.of("orders", Map.of("status", "UP", "running",
				true, "paused", false, "streams", Map.of(S2StreamState.Phase.CONNECTED, 1))));
	}

	@Test
	@Order(2)
	void metersCountWhatWasSentAndReceived() throws Exception {
		send("orders", 5);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.received.size() == 5);
		long bytes = this.client.basin("observed")
			.stream("orders")
			.read(ReadOptions.fromSeqNum(0))
			.records()
			.stream()
			.mapToLong(SequencedRecord::meteredBytes)
			.sum();
		this.metrics.refresh();
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(listenerCounter(S2Metrics.LISTENER_MESSAGES)).isEqualTo(5));
		assertThat(listenerCounter(S2Metrics.LISTENER_RECORDS)).isEqualTo(5);
		assertThat(listenerCounter(S2Metrics.LISTENER_BYTES)).isEqualTo(bytes);
		assertThat(listenerCounter(S2Metrics.LISTENER_RECONNECTS)).isZero();
		assertThat(listenerCounter(S2Metrics.LISTENER_ERRORS)).isZero();
		assertThat(listenerCounter(S2Metrics.LISTENER_RECOVERED)).isZero();
		assertThat(this.meters.get(S2Metrics.LISTENER_LAG).tag(S2Metrics.LISTENER_ID, "orders").gauge().value())
			.isZero();
		assertThat(this.meters.get(S2Metrics.APPENDER_QUEUE_DEPTH).tag(S2Metrics.BASIN, "observed").gauge().value())
			.isZero();
		assertThat(this.meters.get(S2Metrics.APPENDER_RECONNECTS)
			.tag(S2Metrics.BASIN, "observed")
			.functionCounter()
			.count()).isZero();
		assertThat(this.meters.find(S2Metrics.LISTENER_RECORDS).meters()).hasSize(1);
	}

	@Test
	@Order(3)
	void endpointListsListenersStreamsAndAppenders() {
		S2Endpoint.S2Descriptor descriptor = this.endpoint.s2();
		assertThat(descriptor.listeners()).singleElement().satisfies((listener) -> {
			assertThat(listener.id()).isEqualTo("orders");
			assertThat(listener.running()).isTrue();
			assertThat(listener.paused()).isFalse();
			StreamDescriptor stream = listener.streams().get(0);
			assertThat(stream)
				.extracting(StreamDescriptor::basin, StreamDescriptor::stream, StreamDescriptor::phase,
						StreamDescriptor::position, StreamDescriptor::tail, StreamDescriptor::lag,
						StreamDescriptor::messages, StreamDescriptor::records, StreamDescriptor::errors)
				.containsExactly("observed", "orders", "CONNECTED", 5L, 5L, 0L, 5L, 5L, 0L);
		});
		assertThat(descriptor.appenders()).singleElement().satisfies((appender) -> {
			assertThat(appender)
				.extracting(AppenderDescriptor::basin, AppenderDescriptor::stream, AppenderDescriptor::phase,
						AppenderDescriptor::pendingSends, AppenderDescriptor::sent, AppenderDescriptor::failed)
				.containsExactly("observed", "orders", "CONNECTED", 0, 5L, 0L);
			assertThat(appender.lastFailure()).isNull();
		});
		assertThat(this.endpoint.listener("nobody")).isNull();
	}

	@Test
	@Order(4)
	void pausesResumesAndSeeksThroughTheEndpoint() throws Exception {
		ListenerDescriptor paused = this.endpoint.control("orders", "pause", null, null);
		assertThat(paused.paused()).isTrue();
		assertThat(paused.streams().get(0).phase()).isEqualTo("PAUSED");
		send("orders", 2);
		Thread.sleep(500);
		assertThat(this.received).hasSize(5);
		ListenerDescriptor resumed = this.endpoint.control("orders", "resume", null, null);
		assertThat(resumed.paused()).isFalse();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.received.size() == 7);
		this.endpoint.control("orders", "seek", "orders", 5L);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.received.size() == 9);
		assertThat(this.received).containsExactly("order 0", "order 1", "order 2", "order 3", "order 4", "order 0",
				"order 1", "order 0", "order 1");
		assertThatExceptionOfType(InvalidEndpointRequestException.class)
			.isThrownBy(() -> this.endpoint.control("nobody", "pause", null, null))
			.withMessage("No listener has the id 'nobody'");
		assertThatExceptionOfType(InvalidEndpointRequestException.class)
			.isThrownBy(() -> this.endpoint.control("orders", "stop", null, null))
			.withMessage("Unknown action 'stop': use pause, resume or seek");
		assertThatExceptionOfType(InvalidEndpointRequestException.class)
			.isThrownBy(() -> this.endpoint.control("orders", "seek", null, null))
			.withMessage("seek needs a seqNum");
	}

	@Test
	@Order(5)
	void outOfServiceWhileS2IsUnreachableThenUpAgain() throws Exception {
		proxy.refuse(true);
		proxy.reset();
		try {
			await().atMost(Duration.ofSeconds(10))
				.until(() -> this.health.health().getStatus().equals(Status.OUT_OF_SERVICE));
			Health health = this.health.health();
			assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
			@SuppressWarnings("unchecked")
			Map<String, Object> controlPlane = (Map<String, Object>) health.getDetails().get("controlPlane");
			assertThat(controlPlane).containsOnlyKeys("status", "error").containsEntry("status", "OUT_OF_SERVICE");
			// The proxy accepts, then resets: the client may see either a refused connect
			// or a connection lost before the answer, depending on which comes first.
			assertThat(controlPlane.get("error")).asString()
				.matches("(Could not connect to|Connection lost during) list streams at "
						+ Pattern.quote(proxy.baseUrl()) + ": .+");
			@SuppressWarnings("unchecked")
			Map<String, Object> orders = (Map<String, Object>) ((Map<String, Object>) health.getDetails()
				.get("listeners")).get("orders");
			assertThat(orders).containsEntry("status", "OUT_OF_SERVICE");
			@SuppressWarnings("unchecked")
			List<Map<String, Object>> notConnected = (List<Map<String, Object>>) orders.get("notConnected");
			assertThat(notConnected).singleElement().satisfies((stream) -> {
				assertThat(stream).containsEntry("stream", "orders").containsEntry("phase", "RECONNECTING");
				assertThat((Integer) stream.get("attempt")).isPositive();
				assertThat(stream.get("lastFailure")).asString().isNotBlank().doesNotContain("Bearer");
			});
		}
		finally {
			proxy.refuse(false);
		}
		await().atMost(Duration.ofSeconds(15)).until(() -> this.health.health().getStatus().equals(Status.UP));
		long reconnects = this.endpoint.listener("orders").streams().get(0).reconnects();
		assertThat(reconnects).isPositive();
		assertThat(listenerCounter(S2Metrics.LISTENER_RECONNECTS)).isEqualTo(reconnects);
		send("orders", 1);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.received.size() == 10);
		assertThat(this.received.get(9)).isEqualTo("order 0");
	}

	@Test
	@Order(6)
	void downAfterWritingToADeletedStream() throws Exception {
		this.template.send("doomed", "first").get(10, TimeUnit.SECONDS);
		this.client.basin("observed").streams().delete("doomed");
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> this.template.send("doomed", "second").get(10, TimeUnit.SECONDS));
		Health health = this.health.health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		@SuppressWarnings("unchecked")
		Map<String, Object> appenders = (Map<String, Object>) health.getDetails().get("appenders");
		assertThat(appenders).containsEntry("status", "DOWN");
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> notConnected = (List<Map<String, Object>>) appenders.get("notConnected");
		assertThat(notConnected).singleElement().satisfies((stream) -> {
			assertThat(stream).containsEntry("stream", "observed/doomed").containsEntry("phase", "FAILED");
			assertThat(stream.get("lastFailure")).asString().isNotBlank();
		});
	}

	private void send(String stream, int count) throws Exception {
		for (int i = 0; i < count; i++) {
			this.template.send(stream, "order " + i).get(10, TimeUnit.SECONDS);
		}
	}

	private double listenerCounter(String name) {
		return this.meters.get(name)
			.tag(S2Metrics.LISTENER_ID, "orders")
			.tag(S2Metrics.BASIN, "observed")
			.functionCounter()
			.count();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

		@Bean
		S2BasinDeclaration observedBasin() {
			return S2BasinDeclaration.of("observed");
		}

		@Bean
		S2StreamDeclaration ordersStream() {
			return S2StreamDeclaration.of("orders");
		}

		@Bean
		S2StreamDeclaration doomedStream() {
			return S2StreamDeclaration.of("doomed");
		}

		@Bean
		List<String> received() {
			return new CopyOnWriteArrayList<>();
		}

		@Bean
		Orders orders(List<String> received) {
			return new Orders(received);
		}

	}

	static class Orders {

		private final List<String> received;

		Orders(List<String> received) {
			this.received = received;
		}

		@S2Listener(id = "orders", value = "orders", from = "beginning")
		void onOrder(String order) {
			this.received.add(order);
		}

	}

}
