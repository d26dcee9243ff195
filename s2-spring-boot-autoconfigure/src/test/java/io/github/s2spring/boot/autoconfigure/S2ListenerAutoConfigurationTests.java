package io.github.s2spring.boot.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.backoff.ExponentialBackOff;

import io.github.s2spring.annotation.EnableS2;
import io.github.s2spring.annotation.S2ListenerAnnotationBeanPostProcessor;
import io.github.s2spring.client.S2Client;
import io.github.s2spring.config.DefaultS2ListenerContainerFactory;
import io.github.s2spring.config.S2ContainerCustomizer;
import io.github.s2spring.config.S2ListenerConfigUtils;
import io.github.s2spring.config.S2ListenerEndpointRegistry;
import io.github.s2spring.config.SimpleS2ListenerEndpoint;
import io.github.s2spring.embedded.S2EmbeddedServer;
import io.github.s2spring.listener.AckMode;
import io.github.s2spring.listener.DefaultS2ErrorHandler;
import io.github.s2spring.listener.InMemoryS2PositionStore;
import io.github.s2spring.listener.S2ContainerProperties;
import io.github.s2spring.listener.S2ErrorHandler;
import io.github.s2spring.listener.S2ListenerContainer;
import io.github.s2spring.listener.S2PositionStore;
import io.github.s2spring.listener.StreamS2PositionStore;
import io.github.s2spring.observation.DefaultS2ListenerObservationConvention;
import io.github.s2spring.observation.S2ListenerObservationConvention;
import io.github.s2spring.support.DefaultS2MessageConverter;
import io.github.s2spring.support.S2MessageConverter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each condition and property of {@link S2ListenerAutoConfiguration}; nothing connects to
 * S2.
 */
class S2ListenerAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(S2EmbeddedAutoConfiguration.class, S2AutoConfiguration.class,
				S2ListenerAutoConfiguration.class))
		.withClassLoader(new FilteredClassLoader(S2EmbeddedServer.class))
		.withPropertyValues("s2.base-url=http://localhost:4243", "s2.basin=app-basin");

	@Test
	void registersTheListenerInfrastructureAndADefaultFactory() {
		this.runner.run((context) -> {
			assertThat(context).hasBean(S2ListenerConfigUtils.S2_LISTENER_ANNOTATION_PROCESSOR_BEAN_NAME)
				.hasSingleBean(S2ListenerAnnotationBeanPostProcessor.class)
				.hasSingleBean(S2ListenerEndpointRegistry.class)
				.hasSingleBean(S2ListenerContainerFactoryConfigurer.class)
				.hasSingleBean(InMemoryS2PositionStore.class);
			assertThat(context).getBean("s2ListenerContainerFactory")
				.isInstanceOf(DefaultS2ListenerContainerFactory.class);
			S2ContainerProperties properties = containerProperties(
					context.getBean(DefaultS2ListenerContainerFactory.class));
			assertThat(properties.getBasin()).isEqualTo("app-basin");
			assertThat(properties.getAckMode()).isEqualTo(AckMode.BATCH);
			assertThat(properties.getDiscoveryInterval()).isEqualTo(Duration.ofSeconds(30));
			assertThat(properties.getIdleEventInterval()).isNull();
			assertThat(properties.getShutdownTimeout()).isEqualTo(Duration.ofSeconds(10));
			assertThat(properties.isObservationEnabled()).isFalse();
			assertThat(properties.getPositionStore()).isSameAs(context.getBean(S2PositionStore.class));
			assertThat(properties.getStreamFilter().test("orders.dlt")).isFalse();
			assertThat(properties.getStreamFilter().test("s2-positions/orders")).isFalse();
			assertThat(properties.getStreamFilter().test("orders")).isTrue();
			assertThat(properties.getReconnectBackOff()).isInstanceOfSatisfying(ExponentialBackOff.class, (backOff) -> {
				assertThat(backOff.getInitialInterval()).isEqualTo(500);
				assertThat(backOff.getMaxInterval()).isEqualTo(30_000);
				assertThat(backOff.getMaxAttempts()).isEqualTo(Long.MAX_VALUE);
			});
			assertThat(properties.getErrorHandler()).isInstanceOfSatisfying(DefaultS2ErrorHandler.class, (handler) -> {
				assertThat(handler).extracting("recoverer").isNotNull();
				assertThat(handler).extracting("backOff")
					.isInstanceOfSatisfying(ExponentialBackOff.class, (backOff) -> {
						assertThat(backOff.getInitialInterval()).isEqualTo(1000);
						assertThat(backOff.getMultiplier()).isEqualTo(2.0);
						assertThat(backOff.getMaxInterval()).isEqualTo(10_000);
						assertThat(backOff.getMaxAttempts()).isEqualTo(2);
					});
			});
			assertThat(context.getBean(DefaultS2ListenerContainerFactory.class)).extracting("maxThreads")
				.isEqualTo(2 * Runtime.getRuntime().availableProcessors());
		});
	}

	@Test
	void listenerPropertiesConfigureTheFactory() {
		this.runner.withPropertyValues("s2.listener.max-threads=3", "s2.listener.ack-mode=record",
				"s2.listener.auto-startup=false", "s2.listener.discovery-interval=5s",
				"s2.listener.idle-event-interval=1m", "s2.listener.shutdown-timeout=3s",
				"s2.listener.error.max-attempts=5", "s2.listener.error.delay=200ms", "s2.listener.error.multiplier=3",
				"s2.listener.error.max-delay=2s", "s2.listener.error.dead-letter-suffix=-dead", "s2.max-retries=7",
				"s2.base-delay=100ms", "s2.max-delay=4s", "s2.observation-enabled=true")
			.run((context) -> {
				DefaultS2ListenerContainerFactory factory = context.getBean(DefaultS2ListenerContainerFactory.class);
				assertThat(factory).extracting("maxThreads").isEqualTo(3);
				assertThat(factory).extracting("autoStartup").isEqualTo(false);
				S2ContainerProperties properties = containerProperties(factory);
				assertThat(properties.getAckMode()).isEqualTo(AckMode.RECORD);
				assertThat(properties.getDiscoveryInterval()).isEqualTo(Duration.ofSeconds(5));
				assertThat(properties.getIdleEventInterval()).isEqualTo(Duration.ofMinutes(1));
				assertThat(properties.getShutdownTimeout()).isEqualTo(Duration.ofSeconds(3));
				assertThat(properties.isObservationEnabled()).isTrue();
				assertThat(properties.getStreamFilter().test("orders-dead")).isFalse();
				assertThat(properties.getStreamFilter().test("orders.dlt")).isTrue();
				assertThat(properties.getReconnectBackOff()).isInstanceOfSatisfying(ExponentialBackOff.class,
						(backOff) -> {
							assertThat(backOff.getInitialInterval()).isEqualTo(100);
							assertThat(backOff.getMaxInterval()).isEqualTo(4000);
							assertThat(backOff.getMaxAttempts()).isEqualTo(7);
						});
				assertThat(properties.getErrorHandler()).extracting("backOff")
					.isInstanceOfSatisfying(ExponentialBackOff.class, (backOff) -> {
						assertThat(backOff.getInitialInterval()).isEqualTo(200);
						assertThat(backOff.getMultiplier()).isEqualTo(3.0);
						assertThat(backOff.getMaxInterval()).isEqualTo(2000);
						assertThat(backOff.getMaxAttempts()).isEqualTo(4);
					});
			});
	}

	@Test
	void withoutDeadLetterTheListenerStopsInstead() {
		this.runner.withPropertyValues("s2.listener.error.dead-letter=false").run((context) -> {
			S2ContainerProperties properties = containerProperties(
					context.getBean(DefaultS2ListenerContainerFactory.class));
			assertThat(properties.getErrorHandler()).extracting("recoverer").isNull();
		});
	}

	@Test
	void streamPositionStoreKeepsPositionsInTheDefaultBasin() {
		this.runner.withPropertyValues("s2.listener.position-store=stream").run((context) -> {
			assertThat(context).hasSingleBean(StreamS2PositionStore.class)
				.doesNotHaveBean(InMemoryS2PositionStore.class);
			StreamS2PositionStore store = context.getBean(StreamS2PositionStore.class);
			assertThat(store).extracting("basin").isEqualTo("app-basin");
			assertThat(store.streamName("orders")).isEqualTo("s2-positions/orders");
		});
	}

	@Test
	void streamPositionStoreBasinAndPrefixComeFromProperties() {
		this.runner
			.withPropertyValues("s2.listener.position-store=stream", "s2.listener.position-basin=positions-basin",
					"s2.listener.position-stream-prefix=offsets/")
			.run((context) -> {
				StreamS2PositionStore store = context.getBean(StreamS2PositionStore.class);
				assertThat(store).extracting("basin").isEqualTo("positions-basin");
				assertThat(store.streamName("orders")).isEqualTo("offsets/orders");
			});
	}

	@Test
	void streamPositionStoreWithoutABasinFails() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(S2AutoConfiguration.class, S2ListenerAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(S2EmbeddedServer.class))
			.withPropertyValues("s2.base-url=http://localhost:4243", "s2.listener.position-store=stream")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("s2.listener.position-store=stream needs a basin"));
	}

	@Test
	void applicationBeansAreUsed() {
		this.runner.withUserConfiguration(ApplicationBeans.class).run((context) -> {
			DefaultS2ListenerContainerFactory factory = context.getBean(DefaultS2ListenerContainerFactory.class);
			assertThat(factory).extracting("messageConverter").isSameAs(context.getBean(S2MessageConverter.class));
			S2ListenerContainer container = container(factory);
			S2ContainerProperties properties = container.getContainerProperties();
			assertThat(properties.getPositionStore()).isSameAs(context.getBean(S2PositionStore.class));
			assertThat(properties.getErrorHandler()).isSameAs(context.getBean(S2ErrorHandler.class));
			assertThat(properties.getObservationConvention())
				.isSameAs(context.getBean(S2ListenerObservationConvention.class));
			assertThat(context.getBean(ApplicationBeans.class).customized).containsExactly(container);
		});
	}

	@Test
	void applicationFactoryNamedS2ListenerContainerFactoryMakesTheDefaultBackOff() {
		this.runner.withUserConfiguration(ApplicationFactory.class).run((context) -> {
			assertThat(context).hasSingleBean(DefaultS2ListenerContainerFactory.class);
			assertThat(context.getBean(DefaultS2ListenerContainerFactory.class).getDefaultBasin()).isEqualTo("mine");
		});
	}

	@Test
	void applicationEnableS2IsNotRegisteredTwice() {
		this.runner.withUserConfiguration(ApplicationEnableS2.class)
			.run((context) -> assertThat(context).hasSingleBean(S2ListenerAnnotationBeanPostProcessor.class)
				.hasSingleBean(S2ListenerEndpointRegistry.class));
	}

	@Test
	void withoutS2SpringNothingIsRegistered() {
		this.runner.withClassLoader(new FilteredClassLoader(S2EmbeddedServer.class, EnableS2.class))
			.run((context) -> assertThat(context).doesNotHaveBean(S2ListenerEndpointRegistry.class)
				.doesNotHaveBean(DefaultS2ListenerContainerFactory.class));
	}

	@Test
	void invalidListenerPropertiesFailNamingTheProperty() {
		assertInvalid("s2.listener.max-threads=0", "listener.maxThreads", "at least 1");
		assertInvalid("s2.listener.discovery-interval=0s", "listener.discoveryInterval", "positive");
		assertInvalid("s2.listener.idle-event-interval=-1s", "listener.idleEventInterval", "positive");
		assertInvalid("s2.listener.shutdown-timeout=-1s", "listener.shutdownTimeout", "not be negative");
		assertInvalid("s2.listener.position-basin=Bad_Basin", "listener.positionBasin", "basin name");
		assertInvalid("s2.listener.position-stream-prefix=", "listener.positionStreamPrefix", "not be empty");
		assertInvalid("s2.listener.error.max-attempts=0", "listener.error.maxAttempts", "at least 1");
		assertInvalid("s2.listener.error.delay=-1s", "listener.error.delay", "not be negative");
		assertInvalid("s2.listener.error.multiplier=0.5", "listener.error.multiplier", "at least 1");
		assertInvalid("s2.listener.error.max-delay=10ms", "listener.error.maxDelay", "at least delay");
		assertInvalid("s2.listener.error.dead-letter-suffix=", "listener.error.deadLetterSuffix", "not be empty");
	}

	private void assertInvalid(String property, String field, String reason) {
		InvalidProperties.assertInvalid(this.runner, property, field, reason);
	}

	private static S2ContainerProperties containerProperties(DefaultS2ListenerContainerFactory factory) {
		return container(factory).getContainerProperties();
	}

	private static S2ListenerContainer container(DefaultS2ListenerContainerFactory factory) {
		SimpleS2ListenerEndpoint endpoint = new SimpleS2ListenerEndpoint((messages, ack) -> {
		});
		endpoint.setId("inspected");
		endpoint.setStreams(List.of("s"));
		return factory.createListenerContainer(endpoint);
	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationBeans {

		final List<S2ListenerContainer> customized = new ArrayList<>();

		@Bean
		InMemoryS2PositionStore myPositionStore() {
			return new InMemoryS2PositionStore();
		}

		@Bean
		DefaultS2ErrorHandler myErrorHandler() {
			return new DefaultS2ErrorHandler();
		}

		@Bean
		DefaultS2MessageConverter myConverter() {
			return new DefaultS2MessageConverter();
		}

		@Bean
		DefaultS2ListenerObservationConvention myConvention() {
			return new DefaultS2ListenerObservationConvention();
		}

		@Bean
		S2ContainerCustomizer myCustomizer() {
			return this.customized::add;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationFactory {

		@Bean
		DefaultS2ListenerContainerFactory s2ListenerContainerFactory(S2Client client) {
			DefaultS2ListenerContainerFactory factory = new DefaultS2ListenerContainerFactory(client);
			factory.setDefaultBasin("mine");
			return factory;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableS2
	static class ApplicationEnableS2 {

	}

}
