package io.github.s2spring.boot.test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.s2spring.annotation.S2Listener;
import io.github.s2spring.client.S2Client;
import io.github.s2spring.client.config.S2ClientConfig;
import io.github.s2spring.client.control.model.CreateBasinRequest;
import io.github.s2spring.client.control.model.CreateStreamRequest;
import io.github.s2spring.client.data.AppendBatch;
import io.github.s2spring.client.data.AppendRecord;
import io.github.s2spring.config.S2ListenerEndpointRegistry;
import io.github.s2spring.embedded.S2EmbeddedServer;
import io.github.s2spring.listener.S2StreamState;
import io.github.s2spring.listener.StreamS2PositionStore;
import io.github.s2spring.support.S2RecordMetadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code @S2Listener} in a Spring Boot application with the starter and an embedded S2:
 * the auto-configured factory, registry and position store, and an application that
 * restarts and resumes from the positions it stored in S2.
 */
@SpringBootTest(classes = S2ListenerBootIntegrationTests.GreetingApplication.class,
		properties = "s2.listener.position-store=stream")
@EmbeddedS2(basin = "listener-basin", streams = "greetings")
class S2ListenerBootIntegrationTests {

	@Autowired
	S2Client client;

	@Autowired
	Greetings greetings;

	@Autowired
	S2ListenerEndpointRegistry registry;

	@Autowired
	StreamS2PositionStore positions;

	@Test
	void listenerReceivesMessagesAndStoresItsPositionInS2() {
		append(this.client, "listener-basin", "greetings", "hello", "world");
		await().atMost(Duration.ofSeconds(10)).until(() -> this.greetings.received.size() >= 2);
		assertThat(this.greetings.received).containsExactly("hello", "world");
		assertThat(this.greetings.metadata).extracting(S2RecordMetadata::seqNum).containsExactly(0L, 1L);
		S2StreamState state = this.registry.getListenerContainer("greetings").getState().streams().get(0);
		assertThat(state.messagesDelivered()).isEqualTo(2);
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			this.positions.flush();
			assertThat(new StreamS2PositionStore(this.client, "listener-basin").load("greetings", "listener-basin",
					"greetings"))
				.hasValue(2);
		});
	}

	@Test
	void restartedApplicationResumesWhereItStopped() {
		try (S2EmbeddedServer server = S2EmbeddedServer.builder().port(0).build().start();
				S2Client admin = S2Client
					.create(S2ClientConfig.builder("test").endpoints(server.baseUrl(), server.baseUrl()).build())) {
			admin.basins().create(CreateBasinRequest.of("restart-basin"));
			admin.basin("restart-basin").streams().create(CreateStreamRequest.of("greetings"));
			append(admin, "restart-basin", "greetings", "one", "two");
			try (ConfigurableApplicationContext first = application(server)) {
				Greetings greetings = first.getBean(Greetings.class);
				await().atMost(Duration.ofSeconds(10)).until(() -> greetings.received.size() == 2);
				assertThat(greetings.received).containsExactly("one", "two");
			}
			append(admin, "restart-basin", "greetings", "three");
			try (ConfigurableApplicationContext second = application(server)) {
				Greetings greetings = second.getBean(Greetings.class);
				await().atMost(Duration.ofSeconds(10)).until(() -> greetings.received.size() == 1);
				await().during(Duration.ofMillis(300))
					.atMost(Duration.ofSeconds(2))
					.until(() -> greetings.received.size() == 1);
				assertThat(greetings.received).containsExactly("three");
			}
		}
	}

	private static ConfigurableApplicationContext application(S2EmbeddedServer server) {
		return new SpringApplicationBuilder(GreetingApplication.class)
			.properties("s2.base-url=" + server.baseUrl(), "s2.basin=restart-basin",
					"s2.listener.position-store=stream", "spring.main.banner-mode=off")
			.run();
	}

	private static void append(S2Client client, String basin, String stream, String... bodies) {
		for (String body : bodies) {
			client.basin(basin).stream(stream).append(AppendBatch.of(AppendRecord.of(body)));
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class GreetingApplication {

		@Bean
		Greetings greetings() {
			return new Greetings();
		}

	}

	static class Greetings {

		final List<String> received = new CopyOnWriteArrayList<>();

		final List<S2RecordMetadata> metadata = new CopyOnWriteArrayList<>();

		@S2Listener(id = "greetings", value = "greetings")
		void onGreeting(String greeting, S2RecordMetadata meta) {
			this.received.add(greeting);
			this.metadata.add(meta);
		}

	}

}
