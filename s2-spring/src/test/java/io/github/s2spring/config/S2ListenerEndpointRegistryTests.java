package io.github.s2spring.config;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.s2spring.client.S2Client;
import io.github.s2spring.client.config.S2ClientConfig;
import io.github.s2spring.listener.S2ListenerContainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@link S2ListenerEndpointRegistry} and {@link S2ListenerEndpointRegistrar}: ids,
 * lookup, lifecycle; nothing connects to S2 (the streams wait for a server that is not
 * there).
 */
class S2ListenerEndpointRegistryTests {

	private final S2Client client = S2Client
		.create(S2ClientConfig.builder("").endpoints("http://127.0.0.1:9", "http://127.0.0.1:9").build());

	private final DefaultS2ListenerContainerFactory factory = new DefaultS2ListenerContainerFactory(this.client);

	private final S2ListenerEndpointRegistry registry = new S2ListenerEndpointRegistry();

	@AfterEach
	void close() {
		this.registry.destroy();
		this.factory.destroy();
		this.client.close();
	}

	@Test
	void containersStartAndStopWithTheRegistry() throws Exception {
		this.factory.setDefaultBasin("registry-basin");
		S2ListenerContainer automatic = this.registry.registerListenerContainer(endpoint("automatic", null),
				this.factory, false);
		S2ListenerContainer manual = this.registry.registerListenerContainer(endpoint("manual", false), this.factory,
				false);
		assertThat(this.registry.getPhase()).isEqualTo(S2ListenerContainer.DEFAULT_PHASE);
		this.registry.start();
		assertThat(this.registry.isRunning()).isTrue();
		assertThat(automatic.isRunning()).isTrue();
		assertThat(manual.isRunning()).isFalse();
		S2ListenerContainer late = this.registry.registerListenerContainer(endpoint("late", null), this.factory, true);
		assertThat(late.isRunning()).isTrue();
		assertThat(this.registry.getListenerContainerIds()).containsExactlyInAnyOrder("automatic", "manual", "late");
		assertThat(this.registry.getListenerContainers()).containsExactly(automatic, manual, late);
		assertThat(this.registry.getListenerStates()).extracting((state) -> state.listenerId())
			.containsExactly("automatic", "manual", "late");
		this.registry.pause("automatic");
		assertThat(automatic.isPaused()).isTrue();
		this.registry.resume("automatic");
		assertThat(automatic.isPaused()).isFalse();
		this.registry.seekToTimestamp("automatic", "s", 1000);
		CountDownLatch stopped = new CountDownLatch(1);
		this.registry.stop(stopped::countDown);
		assertThat(stopped.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(this.registry.isRunning()).isFalse();
		assertThat(automatic.isRunning()).isFalse();
		assertThat(late.isRunning()).isFalse();
	}

	@Test
	void idsAreUniqueAndLookupsNameTheKnownOnes() {
		this.factory.setDefaultBasin("registry-basin");
		this.registry.registerListenerContainer(endpoint("one", false), this.factory, false);
		assertThatIllegalStateException()
			.isThrownBy(() -> this.registry.registerListenerContainer(endpoint("one", false), this.factory, false))
			.withMessage("Another listener has the id 'one'");
		assertThat(this.registry.getListenerContainer("two")).isNull();
		assertThatIllegalArgumentException().isThrownBy(() -> this.registry.pause("two"))
			.withMessage("No listener has the id 'two'; listeners: [one]");
		CountDownLatch stopped = new CountDownLatch(1);
		new S2ListenerEndpointRegistry().stop(stopped::countDown);
		assertThat(stopped.getCount()).isZero();
	}

	@Test
	void registrarRegistersCollectedEndpointsThenEachNewOneAtOnce() {
		this.factory.setDefaultBasin("registry-basin");
		S2ListenerEndpointRegistrar registrar = new S2ListenerEndpointRegistrar();
		registrar.setEndpointRegistry(this.registry);
		registrar.setContainerFactory(this.factory);
		registrar.setContainerFactoryBeanName("unused");
		registrar.registerEndpoint(endpoint("first", false));
		assertThat(this.registry.getListenerContainerIds()).isEmpty();
		registrar.afterPropertiesSet();
		assertThat(this.registry.getListenerContainerIds()).containsExactly("first");
		registrar.registerEndpoint(endpoint("second", false));
		assertThat(this.registry.getListenerContainerIds()).containsExactlyInAnyOrder("first", "second");
		assertThatIllegalArgumentException().isThrownBy(() -> registrar.registerEndpoint(endpoint("", false)))
			.withMessageContaining("needs an id");
		S2ListenerEndpointRegistrar withoutRegistry = new S2ListenerEndpointRegistrar();
		withoutRegistry.registerEndpoint(endpoint("x", false));
		assertThatIllegalStateException().isThrownBy(withoutRegistry::afterPropertiesSet)
			.withMessage("No endpoint registry set");
		S2ListenerEndpointRegistrar withoutFactory = new S2ListenerEndpointRegistrar();
		withoutFactory.setEndpointRegistry(new S2ListenerEndpointRegistry());
		withoutFactory.registerEndpoint(endpoint("y", false));
		assertThatIllegalStateException().isThrownBy(withoutFactory::afterPropertiesSet)
			.withMessageContaining("no bean factory");
	}

	private static SimpleS2ListenerEndpoint endpoint(String id, Boolean autoStartup) {
		SimpleS2ListenerEndpoint endpoint = new SimpleS2ListenerEndpoint((messages, ack) -> {
		});
		endpoint.setId(id);
		endpoint.setStreams(new ArrayList<>(List.of("s")));
		endpoint.setAutoStartup(autoStartup);
		return endpoint;
	}

}
