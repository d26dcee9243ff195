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
import io.github.s2spring.config.S2ListenerEndpointRegistry;
import io.github.s2spring.listener.AckMode;
import io.github.s2spring.listener.DefaultS2ErrorHandler;
import io.github.s2spring.listener.S2ContainerProperties;
import io.github.s2spring.support.S2StartPosition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * What {@code @S2Listener} attributes may resolve to (stream lists and arrays, beans by
 * name or by expression, typed values), and the mistakes that stop the application at
 * startup with a message that names the method and says what to do; nothing connects to
 * S2.
 */
class S2ListenerAttributesTests {

	private final S2Client client = S2Client
		.create(S2ClientConfig.builder("test").endpoints("http://127.0.0.1:9", "http://127.0.0.1:9").build());

	private AnnotationConfigApplicationContext context;

	@AfterEach
	void close() {
		if (this.context != null) {
			this.context.close();
		}
		this.client.close();
	}

	@Test
	void streamsResolveFromNamesArraysAndCollections() {
		S2ContainerProperties properties = properties(Streams.class, "streams");
		assertThat(properties.getStreams()).containsExactly("a", "b", "c", "d", "e");
		assertThat(properties.getStreamPrefix()).isNull();
	}

	@Test
	void beansResolveByNameOrExpressionAndTypedValuesAsThemselves() {
		S2ContainerProperties byName = properties(Beans.class, "byName");
		assertThat(byName.getErrorHandler()).isSameAs(this.context.getBean("patientHandler"));
		S2ContainerProperties byExpression = properties(Beans.class, "byExpression");
		assertThat(byExpression.getErrorHandler()).isSameAs(this.context.getBean("patientHandler"));
		assertThat(byExpression.getAckMode()).isEqualTo(AckMode.MANUAL);
		assertThat(byExpression.getStartPosition()).isEqualTo(S2StartPosition.seqNum(5));
		assertThat(byExpression.isBatch()).isTrue();
		assertThat(this.context.getBean(S2ListenerEndpointRegistry.class)
			.getListenerContainer("byExpression")
			.isAutoStartup()).isFalse();
	}

	@Test
	void aStringAttributeMustResolveToAString() {
		assertThatException().isThrownBy(() -> properties(NumberId.class, "x"))
			.withMessageContaining("Invalid id = \"#{42}\"")
			.withMessageContaining("must resolve to a String, not java.lang.Integer");
	}

	@Test
	void aBeanAttributeMustResolveToABeanOfItsType() {
		assertThatException().isThrownBy(() -> properties(WrongBean.class, "x"))
			.withMessageContaining("Invalid errorHandler = \"#{42}\"")
			.withMessageContaining("must name or resolve to a S2ErrorHandler, not java.lang.Integer");
	}

	@Test
	void streamsMustResolveToNames() {
		assertThatException().isThrownBy(() -> properties(WrongStreams.class, "x"))
			.withMessageContaining("must resolve to stream names, not java.lang.Integer");
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
				assertThat(all.toString()).contains(message);
			}
		});
	}

	private S2ContainerProperties properties(Class<?> listener, String id) {
		this.context = new AnnotationConfigApplicationContext();
		this.context.registerBean(S2Client.class, () -> this.client);
		this.context.register(Infrastructure.class, listener);
		this.context.refresh();
		return this.context.getBean(S2ListenerEndpointRegistry.class).getListenerContainer(id).getContainerProperties();
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

		@Bean
		DefaultS2ErrorHandler patientHandler() {
			return new DefaultS2ErrorHandler();
		}

		@Bean
		List<String> moreStreams() {
			return List.of("d", "e");
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

	static class Streams {

		@S2Listener(id = "streams", streams = { "a", "#{new String[] {'b', 'c'}}", "#{@moreStreams}", "" })
		void on(String text) {
		}

	}

	static class Beans {

		@S2Listener(id = "byName", value = "s", errorHandler = "patientHandler")
		void byName(String text) {
		}

		@S2Listener(id = "byExpression", value = "s", errorHandler = "#{@patientHandler}",
				ackMode = "#{T(io.github.s2spring.listener.AckMode).MANUAL}",
				from = "#{T(io.github.s2spring.support.S2StartPosition).seqNum(5)}", batch = "#{true}",
				autoStartup = "false", containerFactory = "#{@s2ListenerContainerFactory}")
		void byExpression(List<String> texts) {
		}

	}

	static class NumberId {

		@S2Listener(id = "#{42}", value = "s")
		void on(String text) {
		}

	}

	static class WrongBean {

		@S2Listener(id = "x", value = "s", errorHandler = "#{42}")
		void on(String text) {
		}

	}

	static class WrongStreams {

		@S2Listener(id = "x", value = "#{42}")
		void on(String text) {
		}

	}

}
