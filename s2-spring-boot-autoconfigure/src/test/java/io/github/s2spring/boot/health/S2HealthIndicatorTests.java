package io.github.s2spring.boot.health;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import io.github.s2spring.client.S2Client;
import io.github.s2spring.client.config.S2ClientConfig;
import io.github.s2spring.client.control.model.CreateBasinRequest;
import io.github.s2spring.config.DefaultS2ListenerContainerFactory;
import io.github.s2spring.config.SimpleS2ListenerEndpoint;
import io.github.s2spring.embedded.S2EmbeddedServer;
import io.github.s2spring.embedded.junit.FaultProxy;
import io.github.s2spring.listener.S2ListenerContainer;
import io.github.s2spring.listener.S2StreamState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link S2HealthIndicator} on a real embedded S2: the control plane's answers, a slow
 * one, and details kept small for many streams.
 */
class S2HealthIndicatorTests {

	private S2EmbeddedServer server;

	private FaultProxy proxy;

	private S2Client client;

	private DefaultS2ListenerContainerFactory factory;

	private final List<S2ListenerContainer> containers = new ArrayList<>();

	@BeforeEach
	void start() throws IOException {
		this.server = S2EmbeddedServer.builder().port(0).build().start();
		this.proxy = new FaultProxy(this.server.port());
		this.client = S2Client
			.create(S2ClientConfig.builder("test").endpoints(this.proxy.baseUrl(), this.proxy.baseUrl()).build());
		this.client.basins().create(CreateBasinRequest.of("healthy-basin"));
		this.factory = new DefaultS2ListenerContainerFactory(this.client);
		this.factory.setDefaultBasin("healthy-basin");
	}

	@AfterEach
	void stop() throws IOException {
		this.containers.forEach(S2ListenerContainer::stop);
		this.factory.destroy();
		this.client.close();
		this.proxy.close();
		this.server.close();
	}

	@Test
	void upWhenTheControlPlaneListsBasinsAndNothingRuns() {
		Health health = indicator(null, Duration.ofSeconds(2), 20).health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails())
			.isEqualTo(Map.of("controlPlane", Map.of("status", "UP"), "listeners", Map.of()));
	}

	@Test
	void downWhenTheControlPlaneRefusesTheCall() {
		Health health = indicator("missing-basin", Duration.ofSeconds(2), 20).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails().get("controlPlane")).isInstanceOfSatisfying(Map.class, (controlPlane) -> {
			assertThat(controlPlane.get("status")).isEqualTo("DOWN");
			assertThat(controlPlane.get("error")).asString().contains("missing-basin");
		});
	}

	@Test
	void outOfServiceWhenTheControlPlaneDoesNotAnswerInTime() {
		this.proxy.latency(1500);
		Health health = indicator("healthy-basin", Duration.ofMillis(200), 20).health();
		assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
		assertThat(health.getDetails().get("controlPlane"))
			.isEqualTo(Map.of("status", "OUT_OF_SERVICE", "error", "No answer within 200 ms"));
	}

	@Test
	void countsStreamsByPhaseAndListsOnlyAFewThatAreNotConnected() {
		S2ListenerContainer container = container("waiting", "a", "b", "c");
		container.start();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> container.getState()
				.streams()
				.stream()
				.filter((stream) -> stream.phase() == S2StreamState.Phase.WAITING)
				.count() == 3);
		Health health = indicator("healthy-basin", Duration.ofSeconds(2), 2).health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails().get("listeners")).isInstanceOfSatisfying(Map.class, (listeners) -> {
			Map<?, ?> waiting = (Map<?, ?>) listeners.get("waiting");
			assertThat(waiting.get("status")).isEqualTo("UP");
			assertThat(waiting.get("streams")).isEqualTo(Map.of(S2StreamState.Phase.WAITING, 3));
			assertThat((List<?>) waiting.get("notConnected")).hasSize(2).allSatisfy((stream) -> {
				Map<?, ?> entry = (Map<?, ?>) stream;
				assertThat(entry.get("phase")).isEqualTo("WAITING");
				assertThat(entry.get("lastFailure")).asString().isNotBlank();
			});
			assertThat(waiting.get("notConnectedOmitted")).isEqualTo(1);
		});
	}

	private S2HealthIndicator indicator(@Nullable String basin, Duration timeout, int maxDetails) {
		return new S2HealthIndicator(this.client, basin, timeout, () -> this.containers, null, maxDetails);
	}

	private S2ListenerContainer container(String id, String... streams) {
		SimpleS2ListenerEndpoint endpoint = new SimpleS2ListenerEndpoint((messages, ack) -> {
		});
		endpoint.setId(id);
		endpoint.setStreams(List.of(streams));
		S2ListenerContainer container = this.factory.createListenerContainer(endpoint);
		this.containers.add(container);
		return container;
	}

}
