package io.github.s2spring.annotation;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.s2spring.client.S2Client;
import io.github.s2spring.client.config.S2ClientConfig;
import io.github.s2spring.config.DefaultS2ListenerContainerFactory;

import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Mistakes in {@code @S2Listener} methods stop the application at startup with a message
 * that names the method and says what to do; nothing connects to S2.
 */
class S2ListenerStartupFailureTests {

	private final S2Client client = S2Client
		.create(S2ClientConfig.builder("test").endpoints("http://127.0.0.1:9", "http://127.0.0.1:9").build());

	@AfterEach
	void close() {
		this.client.close();
	}

	@Test
	void returnValueWithoutSendTo() {
		assertStartupFails(ReturnsValue.class, "ReturnsValue.on(java.lang.String) returns class java.lang.String "
				+ "but has no @SendTo: the value would be lost");
	}

	@Test
	void unknownContainerFactory() {
		assertStartupFails(UnknownFactory.class, "Invalid containerFactory = \"noSuchFactory\" of @S2Listener method",
				"names no S2ListenerContainerFactory bean");
	}

	@Test
	void invalidStartPosition() {
		assertStartupFails(BadFrom.class, "Invalid from = \"yesterday\"",
				"expected beginning, tail, stored, seq:<n> or timestamp:<ms>");
	}

	@Test
	void invalidAckMode() {
		assertStartupFails(BadAckMode.class, "Invalid ackMode = \"sometimes\"", "must be record, batch or manual");
	}

	@Test
	void invalidBoolean() {
		assertStartupFails(BadAutoStartup.class, "Invalid autoStartup = \"maybe\"", "must be true or false");
	}

	@Test
	void noStream() {
		assertStartupFails(NoStream.class, "names no stream: set value, streams or streamPrefix");
	}

	@Test
	void batchListenerWithoutList() {
		assertStartupFails(BatchWithoutList.class, "must take its payloads as a List<T>");
	}

	@Test
	void twoPayloadParameters() {
		assertStartupFails(TwoPayloads.class, "has two payload parameters (0 and 1)");
	}

	@Test
	void noContainerFactoryBean() {
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		context.register(EnableOnly.class, Valid.class);
		assertThatException().isThrownBy(context::refresh)
			.withMessageContaining("Listener 'valid' needs an S2ListenerContainerFactory: define a bean named "
					+ "'s2ListenerContainerFactory'");
	}

	private void assertStartupFails(Class<?> listener, String... messages) {
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		context.registerBean(S2Client.class, () -> this.client);
		context.register(Infrastructure.class, listener);
		assertThatException().isThrownBy(context::refresh).satisfies((ex) -> {
			Throwable cause = ex;
			StringBuilder all = new StringBuilder();
			while (cause != null) {
				all.append(cause.getMessage()).append('\n');
				cause = cause.getCause();
			}
			for (String message : messages) {
				org.assertj.core.api.Assertions.assertThat(all.toString()).contains(message);
			}
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableS2
	static class Infrastructure {

		@Bean
		DefaultS2ListenerContainerFactory s2ListenerContainerFactory(S2Client client) {
			DefaultS2ListenerContainerFactory factory = new DefaultS2ListenerContainerFactory(client);
			factory.setDefaultBasin("startup-basin");
			factory.setAutoStartup(false);
			return factory;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableS2
	static class EnableOnly {

	}

	static class Valid {

		@S2Listener(id = "valid", value = "s")
		void on(String text) {
		}

	}

	static class ReturnsValue {

		@S2Listener("s")
		String on(String text) {
			return text;
		}

	}

	static class UnknownFactory {

		@S2Listener(value = "s", containerFactory = "noSuchFactory")
		void on(String text) {
		}

	}

	static class BadFrom {

		@S2Listener(value = "s", from = "yesterday")
		void on(String text) {
		}

	}

	static class BadAckMode {

		@S2Listener(value = "s", ackMode = "sometimes")
		void on(String text) {
		}

	}

	static class BadAutoStartup {

		@S2Listener(value = "s", autoStartup = "maybe")
		void on(String text) {
		}

	}

	static class NoStream {

		@S2Listener(id = "nothing")
		void on(String text) {
		}

	}

	static class BatchWithoutList {

		@S2Listener(value = "s", batch = "true")
		void on(String text) {
		}

	}

	static class TwoPayloads {

		@S2Listener(value = "s")
		void on(String text, List<String> more) {
		}

	}

}
