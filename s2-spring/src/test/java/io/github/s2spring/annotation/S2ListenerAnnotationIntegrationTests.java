package io.github.s2spring.annotation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.SendTo;

import io.github.s2spring.client.S2Client;
import io.github.s2spring.client.data.SequencedRecord;
import io.github.s2spring.config.DefaultS2ListenerContainerFactory;
import io.github.s2spring.config.S2ListenerEndpointRegistry;
import io.github.s2spring.config.SimpleS2ListenerEndpoint;
import io.github.s2spring.embedded.S2EmbeddedServer;
import io.github.s2spring.embedded.junit.S2EmbeddedExtension;
import io.github.s2spring.listener.Acknowledgment;
import io.github.s2spring.listener.InMemoryS2PositionStore;
import io.github.s2spring.listener.S2ListenerContainer;
import io.github.s2spring.listener.S2ListenerState;
import io.github.s2spring.observation.S2ReceiverContext;
import io.github.s2spring.support.S2Headers;
import io.github.s2spring.support.S2RecordMetadata;
import io.github.s2spring.support.S2StartPosition;
import io.github.s2spring.testsupport.TestS2;
import io.github.s2spring.core.S2Template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code @S2Listener} methods in a Spring context on a real embedded S2: arguments, batch
 * listeners, manual acknowledgment, {@code @SendTo}, placeholders and SpEL, the registry,
 * observations.
 */
@ExtendWith(S2EmbeddedExtension.class)
class S2ListenerAnnotationIntegrationTests {

	private TestS2 s2;

	private String basin;

	private AnnotationConfigApplicationContext context;

	record Note(int n, String text) {
	}

	@BeforeEach
	void connect(S2EmbeddedServer server) {
		this.s2 = new TestS2(server.baseUrl());
		this.basin = this.s2.createBasin();
	}

	@AfterEach
	void close() {
		if (this.context != null) {
			this.context.close();
		}
		this.s2.close();
	}

	@Test
	void methodReceivesThePayloadMetadataAndHeaders() {
		this.s2.createStream(this.basin, "notes");
		try (TestS2.Writer writer = this.s2.writer(this.basin, "notes")) {
			writer.send(new Note(1, "one"), Map.of("trace", "t-1"));
			writer.send(new Note(2, "two"), Map.of("trace", "t-2"));
		}
		NoteListener listener = start(NoteListener.class).getBean(NoteListener.class);
		await().atMost(Duration.ofSeconds(10)).until(() -> listener.notes.size() == 2);
		assertThat(listener.notes).containsExactly(new Note(1, "one"), new Note(2, "two"));
		assertThat(listener.traces).containsExactly("t-1", "t-2");
		assertThat(listener.seqNums).containsExactly(0L, 1L);
		assertThat(listener.metadata).extracting(S2RecordMetadata::stream).containsOnly("notes");
		assertThat(listener.metadata).extracting(S2RecordMetadata::basin).containsOnly(this.basin);
	}

	@Test
	void batchListenerReceivesTheMessagesOfAReadBatch() {
		this.s2.createStream(this.basin, "batches");
		for (int i = 0; i < 5; i++) {
			this.s2.appendRaw(this.basin, "batches", "{\"n\":" + i + ",\"text\":\"t\"}", Map.of());
		}
		BatchListener listener = start(BatchListener.class).getBean(BatchListener.class);
		await().atMost(Duration.ofSeconds(10)).until(() -> listener.notes.size() == 5);
		assertThat(listener.notes).extracting(Note::n).containsExactly(0, 1, 2, 3, 4);
		assertThat(listener.batchSizes).first().isEqualTo(5);
		assertThat(listener.metadata).extracting(S2RecordMetadata::seqNum).containsExactly(0L, 1L, 2L, 3L, 4L);
	}

	@Test
	void manualAcknowledgmentCommitsOnlyAcknowledgedPositions() {
		this.s2.createStream(this.basin, "manual");
		this.s2.appendRaw(this.basin, "manual", "ack", Map.of());
		this.s2.appendRaw(this.basin, "manual", "ack", Map.of());
		this.s2.appendRaw(this.basin, "manual", "skip", Map.of());
		this.context = context(ManualListener.class);
		ManualListener listener = this.context.getBean(ManualListener.class);
		InMemoryS2PositionStore positions = this.context.getBean(InMemoryS2PositionStore.class);
		await().atMost(Duration.ofSeconds(10)).until(() -> listener.received.size() == 3);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> positions.load("manual", this.basin, "manual").orElse(-1) == 2);
		this.context.close();
		assertThat(positions.load("manual", this.basin, "manual")).hasValue(2);
		this.context = null;
	}

	@Test
	void returnValueIsSentToTheStreamOfSendTo() {
		this.s2.createStream(this.basin, "requests");
		this.s2.createStream(this.basin, "replies");
		start(ReplyingListener.class);
		this.s2.appendRaw(this.basin, "requests", "hello", Map.of());
		await().atMost(Duration.ofSeconds(10)).until(() -> this.s2.read(this.basin, "replies").size() == 1);
		SequencedRecord reply = this.s2.read(this.basin, "replies").get(0);
		assertThat(reply.bodyAsString()).isEqualTo("HELLO");
	}

	@Test
	void attributesResolvePlaceholdersAndSpelWithTheListenerBean() {
		this.s2.createStream(this.basin, "spel-stream");
		this.context = new AnnotationConfigApplicationContext();
		this.context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("test",
					Map.of("listener.id", "resolved-id", "listener.from", "tail", "test.basin", this.basin)));
		this.context.register(Infrastructure.class, SpelListener.class);
		this.context.registerBean(S2Client.class, this.s2::client);
		this.context.refresh();
		S2ListenerEndpointRegistry registry = this.context.getBean(S2ListenerEndpointRegistry.class);
		S2ListenerContainer container = registry.getListenerContainer("resolved-id");
		assertThat(container).isNotNull();
		assertThat(container.isRunning()).isFalse();
		assertThat(container.getContainerProperties().getStreams()).containsExactly("spel-stream");
		assertThat(container.getContainerProperties().getBasin()).isEqualTo(this.basin);
		assertThat(container.getContainerProperties().getStartPosition()).isEqualTo(S2StartPosition.tail());
		container.start();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> container.getState().streams().size() == 1
					&& container.getState().streams().get(0).position() == 0);
		this.s2.appendRaw(this.basin, "spel-stream", "after start", Map.of());
		SpelListener listener = this.context.getBean(SpelListener.class);
		await().atMost(Duration.ofSeconds(10)).until(() -> listener.received.size() == 1);
		assertThat(listener.received).containsExactly("after start");
	}

	@Test
	void registryPausesResumesSeeksAndReportsListenersById() {
		this.s2.createStream(this.basin, "registry");
		this.context = context(RegistryListener.class);
		S2ListenerEndpointRegistry registry = this.context.getBean(S2ListenerEndpointRegistry.class);
		RegistryListener listener = this.context.getBean(RegistryListener.class);
		this.s2.appendRaw(this.basin, "registry", "a", Map.of());
		await().atMost(Duration.ofSeconds(10)).until(() -> listener.received.size() == 1);
		registry.pause("registry");
		this.s2.appendRaw(this.basin, "registry", "b", Map.of());
		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3)).until(() -> listener.received.size() == 1);
		registry.resume("registry");
		await().atMost(Duration.ofSeconds(10)).until(() -> listener.received.size() == 2);
		registry.seek("registry", null, 0);
		await().atMost(Duration.ofSeconds(10)).until(() -> listener.received.size() == 4);
		assertThat(listener.received).containsExactly("a", "b", "a", "b");
		assertThat(registry.getListenerContainerIds()).containsExactly("registry");
		List<S2ListenerState> states = registry.getListenerStates();
		assertThat(states).singleElement().satisfies((state) -> {
			assertThat(state.listenerId()).isEqualTo("registry");
			assertThat(state.running()).isTrue();
			assertThat(state.streams()).singleElement().satisfies((stream) -> {
				assertThat(stream.stream()).isEqualTo("registry");
				assertThat(stream.messagesDelivered()).isEqualTo(4);
			});
		});
	}

	@Test
	void deliveriesAreObservedAndContinueTheSendersTrace() {
		this.s2.createStream(this.basin, "observed");
		this.context = new AnnotationConfigApplicationContext();
		TestObservationRegistry observations = TestObservationRegistry.create();
		this.context.registerBean(TestObservationRegistry.class, () -> observations);
		this.context.register(Infrastructure.class, ObservedListener.class);
		this.context.registerBean(S2Client.class, this.s2::client);
		this.context.registerBean("basinName", String.class, () -> this.basin);
		this.context.refresh();
		this.s2.appendRaw(this.basin, "observed", "traced",
				Map.of("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));
		ObservedListener listener = this.context.getBean(ObservedListener.class);
		await().atMost(Duration.ofSeconds(10)).until(() -> listener.received.contains("traced"));
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> TestObservationRegistryAssert.assertThat(observations)
				.hasObservationWithNameEqualTo("s2.listener")
				.that()
				.hasLowCardinalityKeyValue("s2.listener.id", "observed-listener")
				.hasLowCardinalityKeyValue("messaging.operation", "process")
				.hasHighCardinalityKeyValue("messaging.destination.name", "observed")
				.hasBeenStarted()
				.hasBeenStopped()
				.satisfies((context) -> {
					S2ReceiverContext receiver = (S2ReceiverContext) context;
					assertThat(receiver.getGetter().get(receiver.getMetadata(), "traceparent"))
						.isEqualTo("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
				}));
	}

	@Test
	void configurerRegistersEndpointsProgrammatically() {
		this.s2.createStream(this.basin, "configured");
		this.s2.appendRaw(this.basin, "configured", "x", Map.of());
		List<String> received = new CopyOnWriteArrayList<>();
		this.context = new AnnotationConfigApplicationContext();
		this.context.register(Infrastructure.class);
		this.context.registerBean(S2Client.class, this.s2::client);
		this.context.registerBean("basinName", String.class, () -> this.basin);
		this.context.registerBean(S2ListenerConfigurer.class, () -> (registrar) -> {
			SimpleS2ListenerEndpoint endpoint = new SimpleS2ListenerEndpoint(
					(messages, ack) -> messages.forEach((message) -> received.add(new String(message.payload()))));
			endpoint.setId("configured");
			endpoint.setStreams(List.of("configured"));
			endpoint.setStartPosition(S2StartPosition.beginning());
			registrar.registerEndpoint(endpoint);
		});
		this.context.refresh();
		await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
		assertThat(received).containsExactly("x");
	}

	private AnnotationConfigApplicationContext start(Class<?> listener) {
		this.context = context(listener);
		return this.context;
	}

	private AnnotationConfigApplicationContext context(Class<?> listener) {
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		context.register(Infrastructure.class, listener);
		context.registerBean(S2Client.class, this.s2::client);
		context.registerBean("basinName", String.class, () -> this.basin);
		context.refresh();
		return context;
	}

	@Configuration(proxyBeanMethods = false)
	@EnableS2
	static class Infrastructure {

		@Bean
		InMemoryS2PositionStore positionStore() {
			return new InMemoryS2PositionStore();
		}

		@Bean
		DefaultS2ListenerContainerFactory s2ListenerContainerFactory(S2Client client,
				org.springframework.beans.factory.ObjectProvider<String> basinName, InMemoryS2PositionStore store,
				org.springframework.beans.factory.ObjectProvider<TestObservationRegistry> observations) {
			DefaultS2ListenerContainerFactory factory = new DefaultS2ListenerContainerFactory(client);
			factory.setDefaultBasin(basinName.getIfAvailable());
			factory.setPositionStore(store);
			factory.setObservationEnabled(observations.getIfAvailable() != null);
			return factory;
		}

		@Bean
		S2Template s2Operations(S2Client client, org.springframework.beans.factory.ObjectProvider<String> basin) {
			return new S2Template(client, basin.getIfAvailable());
		}

	}

	static class NoteListener {

		final List<Note> notes = new CopyOnWriteArrayList<>();

		final List<String> traces = new CopyOnWriteArrayList<>();

		final List<Long> seqNums = new CopyOnWriteArrayList<>();

		final List<S2RecordMetadata> metadata = new CopyOnWriteArrayList<>();

		@S2Listener(id = "notes", value = "notes", from = "beginning")
		void onNote(@Header("trace") String trace, Note note, S2RecordMetadata meta,
				@Header(S2Headers.SEQ_NUM) long seqNum) {
			this.notes.add(note);
			this.traces.add(trace);
			this.seqNums.add(seqNum);
			this.metadata.add(meta);
		}

	}

	static class BatchListener {

		final List<Note> notes = new CopyOnWriteArrayList<>();

		final List<Integer> batchSizes = new CopyOnWriteArrayList<>();

		final List<S2RecordMetadata> metadata = new CopyOnWriteArrayList<>();

		@S2Listener(id = "batch", streams = "batches", from = "beginning", batch = "true")
		void onNotes(List<Note> notes, List<S2RecordMetadata> meta) {
			this.batchSizes.add(notes.size());
			this.notes.addAll(notes);
			this.metadata.addAll(meta);
		}

	}

	static class ManualListener {

		final List<String> received = new CopyOnWriteArrayList<>();

		@S2Listener(id = "manual", value = "manual", from = "beginning", ackMode = "manual")
		void on(String text, Acknowledgment acknowledgment) {
			this.received.add(text);
			if (text.equals("ack")) {
				acknowledgment.acknowledge();
			}
		}

	}

	static class ReplyingListener {

		@S2Listener(id = "replying", value = "requests", from = "beginning")
		@SendTo("replies")
		String on(String text) {
			return text.toUpperCase();
		}

	}

	static class SpelListener {

		final List<String> received = new CopyOnWriteArrayList<>();

		public String getStreamName() {
			return "spel-stream";
		}

		@S2Listener(id = "${listener.id}", streams = "#{__listener.streamName}", basin = "${test.basin}",
				from = "${listener.from}", autoStartup = "#{1 > 2}")
		void on(String text) {
			this.received.add(text);
		}

	}

	static class RegistryListener {

		final List<String> received = new CopyOnWriteArrayList<>();

		@S2Listener(id = "#{@basinName.isEmpty() ? 'x' : 'registry'}", streams = "registry", from = "beginning")
		void on(String text) {
			this.received.add(text);
		}

	}

	static class ObservedListener {

		final List<String> received = new CopyOnWriteArrayList<>();

		@S2Listener(id = "observed-listener", streams = "observed", from = "beginning")
		void on(String text) {
			this.received.add(text);
		}

	}

}
