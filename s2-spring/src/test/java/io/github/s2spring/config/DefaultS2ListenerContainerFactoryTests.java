package io.github.s2spring.config;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.GenericApplicationContext;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.util.backoff.FixedBackOff;

import io.github.s2spring.client.S2Client;
import io.github.s2spring.client.config.S2ClientConfig;
import io.github.s2spring.listener.AckMode;
import io.github.s2spring.listener.DefaultS2ErrorHandler;
import io.github.s2spring.listener.InMemoryS2PositionStore;
import io.github.s2spring.listener.S2ContainerProperties;
import io.github.s2spring.listener.S2ListenerContainer;
import io.github.s2spring.support.S2StartPosition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * How {@link DefaultS2ListenerContainerFactory} configures containers: its settings as
 * defaults, endpoint settings over them; nothing connects to S2.
 */
class DefaultS2ListenerContainerFactoryTests {

	private final S2Client client = S2Client
		.create(S2ClientConfig.builder("").endpoints("http://127.0.0.1:9", "http://127.0.0.1:9").build());

	private final DefaultS2ListenerContainerFactory factory = new DefaultS2ListenerContainerFactory(this.client);

	@AfterEach
	void close() {
		this.factory.destroy();
		this.client.close();
	}

	@Test
	void factorySettingsAreTheDefaultsOfEveryContainer() {
		InMemoryS2PositionStore store = new InMemoryS2PositionStore();
		DefaultS2ErrorHandler errorHandler = new DefaultS2ErrorHandler();
		FixedBackOff reconnect = new FixedBackOff(10, 1);
		this.factory.setDefaultBasin("default-basin");
		this.factory.setAckMode(AckMode.RECORD);
		this.factory.setBatchListener(true);
		this.factory.setStartPosition(S2StartPosition.tail());
		this.factory.setPositionStore(store);
		this.factory.setErrorHandler(errorHandler);
		this.factory.setReconnectBackOff(reconnect);
		this.factory.setDiscoveryInterval(Duration.ofSeconds(7));
		this.factory.setIdleEventInterval(Duration.ofSeconds(8));
		this.factory.setShutdownTimeout(Duration.ofSeconds(9));
		this.factory.setAutoStartup(false);
		this.factory.setStreamFilter((stream) -> stream.startsWith("keep"));
		AtomicInteger customized = new AtomicInteger();
		this.factory.setContainerCustomizer((container) -> customized.incrementAndGet());
		S2ListenerContainer container = this.factory.createListenerContainer(endpoint());
		S2ContainerProperties properties = container.getContainerProperties();
		assertThat(container.getListenerId()).isEqualTo("endpoint");
		assertThat(container.isAutoStartup()).isFalse();
		assertThat(properties.getBasin()).isEqualTo("default-basin");
		assertThat(properties.getStreams()).containsExactly("s");
		assertThat(properties.getAckMode()).isEqualTo(AckMode.RECORD);
		assertThat(properties.isBatch()).isTrue();
		assertThat(properties.getStartPosition()).isEqualTo(S2StartPosition.tail());
		assertThat(properties.getPositionStore()).isSameAs(store);
		assertThat(properties.getErrorHandler()).isSameAs(errorHandler);
		assertThat(properties.getReconnectBackOff()).isSameAs(reconnect);
		assertThat(properties.getDiscoveryInterval()).isEqualTo(Duration.ofSeconds(7));
		assertThat(properties.getIdleEventInterval()).isEqualTo(Duration.ofSeconds(8));
		assertThat(properties.getShutdownTimeout()).isEqualTo(Duration.ofSeconds(9));
		assertThat(properties.getStreamFilter().test("keep-me")).isTrue();
		assertThat(properties.getStreamFilter().test("other")).isFalse();
		assertThat(properties.isCommitPositions()).isTrue();
		assertThat(customized).hasValue(1);
	}

	@Test
	void endpointSettingsOverrideTheFactorys() {
		this.factory.setDefaultBasin("default-basin");
		DefaultS2ErrorHandler errorHandler = new DefaultS2ErrorHandler();
		SimpleS2ListenerEndpoint endpoint = endpoint();
		endpoint.setBasin("own-basin");
		endpoint.setStreamPrefix("p/");
		endpoint.setAckMode(AckMode.MANUAL);
		endpoint.setBatch(true);
		endpoint.setAutoStartup(false);
		endpoint.setStartPosition(S2StartPosition.seqNum(3));
		endpoint.setErrorHandler(errorHandler);
		S2ContainerProperties properties = this.factory.createListenerContainer(endpoint).getContainerProperties();
		assertThat(properties.getBasin()).isEqualTo("own-basin");
		assertThat(properties.getStreamPrefix()).isEqualTo("p/");
		assertThat(properties.getAckMode()).isEqualTo(AckMode.MANUAL);
		assertThat(properties.isBatch()).isTrue();
		assertThat(properties.getStartPosition()).isEqualTo(S2StartPosition.seqNum(3));
		assertThat(properties.getErrorHandler()).isSameAs(errorHandler);
		assertThat(endpoint)
			.hasToString("SimpleS2ListenerEndpoint[id=endpoint, basin=own-basin, streams=[s], " + "streamPrefix=p/]");
	}

	@Test
	void observationRegistryIsLookedUpInTheContext() {
		ObservationRegistry registry = ObservationRegistry.create();
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			context.registerBean(ObservationRegistry.class, () -> registry);
			context.refresh();
			this.factory.setApplicationContext(context);
			this.factory.setDefaultBasin("b");
			this.factory.setObservationEnabled(true);
			S2ListenerContainer container = this.factory.createListenerContainer(endpoint());
			assertThat(container).extracting("observationRegistry").isSameAs(registry);
			assertThat(container).extracting("eventPublisher").isSameAs(context);
		}
	}

	@Test
	void applicationExecutorsAreUsed() {
		Executor executor = Runnable::run;
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		this.factory.setTaskExecutor(executor);
		this.factory.setTaskScheduler(scheduler);
		this.factory.setDefaultBasin("b");
		S2ListenerContainer container = this.factory.createListenerContainer(endpoint());
		assertThat(container).extracting("taskExecutor").isSameAs(executor);
		assertThat(container).extracting("taskScheduler").isSameAs(scheduler);
	}

	@Test
	void refusesWhatCannotWork() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.factory.setMaxThreads(0));
		assertThatIllegalStateException().isThrownBy(() -> this.factory.createListenerContainer(endpoint()))
			.withMessageContaining("Listener 'endpoint' names no basin");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.factory.listen("b", "s", String.class, S2StartPosition.stored(), (m, meta) -> {
			}))
			.withMessageContaining("stores no positions");
		MethodS2ListenerEndpoint method = new MethodS2ListenerEndpoint(this, getClass().getDeclaredMethods()[0]);
		method.setId("method");
		assertThatIllegalStateException().isThrownBy(() -> method.createListener(null, false))
			.withMessageContaining("No MessageHandlerMethodFactory");
		assertThat(method.getBean()).isSameAs(this);
		assertThat(method.getReplyStream()).isNull();
		assertThat(method.getMessageHandlerMethodFactory()).isNull();
	}

	private static SimpleS2ListenerEndpoint endpoint() {
		SimpleS2ListenerEndpoint endpoint = new SimpleS2ListenerEndpoint((messages, ack) -> {
		});
		endpoint.setId("endpoint");
		endpoint.setStreams(List.of("s"));
		return endpoint;
	}

}
