package io.github.s2spring.listener;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.context.ApplicationEvent;

import io.github.s2spring.config.DefaultS2ListenerContainerFactory;
import io.github.s2spring.config.SimpleS2ListenerEndpoint;
import io.github.s2spring.embedded.S2EmbeddedServer;
import io.github.s2spring.embedded.junit.S2EmbeddedExtension;
import io.github.s2spring.support.S2StartPosition;
import io.github.s2spring.testsupport.TestS2;

/**
 * What listener tests on an embedded S2 share: a client, a fresh basin per test, a
 * container factory, the events containers publish, and containers stopped after each
 * test.
 */
@ExtendWith(S2EmbeddedExtension.class)
abstract class ListenerTestSupport {

	protected S2EmbeddedServer server;

	protected TestS2 s2;

	protected String basin;

	protected DefaultS2ListenerContainerFactory factory;

	protected final List<ApplicationEvent> events = new CopyOnWriteArrayList<>();

	private final List<S2ListenerContainer> containers = new ArrayList<>();

	@BeforeEach
	void connect(S2EmbeddedServer server) {
		this.server = server;
		this.s2 = new TestS2(server.baseUrl());
		this.basin = this.s2.createBasin();
		this.factory = new DefaultS2ListenerContainerFactory(this.s2.client());
		this.factory.setDefaultBasin(this.basin);
	}

	@AfterEach
	void close() {
		this.containers.forEach(S2ListenerContainer::stop);
		this.factory.destroy();
		this.s2.close();
	}

	/**
	 * A container of the factory that records its events, stopped after the test.
	 * @param id the listener id
	 * @param stream the stream
	 * @param from where it starts
	 * @param ackMode the ack mode, or {@code null} for the factory's
	 * @param listener the listener
	 * @return the container, not started
	 */
	protected S2ListenerContainer container(String id, String stream, S2StartPosition from, @Nullable AckMode ackMode,
			S2ContainerListener listener) {
		SimpleS2ListenerEndpoint endpoint = new SimpleS2ListenerEndpoint(listener);
		endpoint.setId(id);
		endpoint.setStreams(List.of(stream));
		endpoint.setStartPosition(from);
		endpoint.setAckMode(ackMode);
		return track(this.factory.createListenerContainer(endpoint));
	}

	/**
	 * Records a container's events and stops it after the test.
	 * @param container the container
	 * @return the container
	 */
	protected S2ListenerContainer track(S2ListenerContainer container) {
		container.setApplicationEventPublisher((event) -> this.events.add((ApplicationEvent) event));
		this.containers.add(container);
		return container;
	}

	/**
	 * The events of a type published so far.
	 * @param <E> the event type
	 * @param type the event type
	 * @return the events, in order
	 */
	protected <E> List<E> events(Class<E> type) {
		return this.events.stream().filter(type::isInstance).map(type::cast).toList();
	}

}
