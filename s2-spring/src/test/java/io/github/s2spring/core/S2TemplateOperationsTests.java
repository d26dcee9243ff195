package io.github.s2spring.core;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.s2spring.client.S2Client;
import io.github.s2spring.client.config.S2ClientConfig;
import io.github.s2spring.client.control.model.CreateBasinRequest;
import io.github.s2spring.client.error.ConflictException;
import io.github.s2spring.client.error.TransportException;
import io.github.s2spring.embedded.S2EmbeddedServer;
import io.github.s2spring.embedded.junit.S2EmbeddedExtension;
import io.github.s2spring.observation.S2SenderContext;
import io.github.s2spring.observation.S2TemplateObservationConvention;
import io.github.s2spring.support.S2StartPosition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The template's operations besides sending: observation of sends, history from each kind
 * of start position, stream management, callbacks, and the errors of misuse.
 */
@ExtendWith(S2EmbeddedExtension.class)
class S2TemplateOperationsTests {

	private static final String BASIN = "operations-basin";

	private S2Client client;

	private S2Template template;

	@BeforeEach
	void setUp(S2EmbeddedServer server) {
		this.client = S2Client.create(S2ClientConfig.builder("").endpoints(server.baseUrl(), server.baseUrl()).build());
		this.client.basins().ensure(CreateBasinRequest.of(BASIN));
		this.template = new S2Template(this.client, BASIN);
	}

	@AfterEach
	void tearDown() {
		this.template.destroy();
		this.client.close();
	}

	@Test
	void observesEachSendWithTheConventionsKeys() throws Exception {
		TestObservationRegistry registry = TestObservationRegistry.create();
		this.template.setObservationRegistry(registry);
		this.template.setObservationEnabled(true);
		this.template.setBeanName("chatTemplate");
		this.template.ensureStream("observed");
		this.template.send("observed", "hello").get(10, TimeUnit.SECONDS);
		TestObservationRegistryAssert.assertThat(registry)
			.hasNumberOfObservationsEqualTo(1)
			.hasObservationWithNameEqualTo("s2.template")
			.that()
			.hasContextualNameEqualTo("observed send")
			.hasLowCardinalityKeyValue("messaging.system", "s2")
			.hasLowCardinalityKeyValue("messaging.operation", "publish")
			.hasLowCardinalityKeyValue("s2.basin", BASIN)
			.hasLowCardinalityKeyValue("s2.template.name", "chatTemplate")
			.hasLowCardinalityKeyValue("outcome", "success")
			.hasHighCardinalityKeyValue("messaging.destination.name", "observed")
			.hasBeenStarted()
			.hasBeenStopped();
	}

	@Test
	void aCustomConventionNamesTheObservation() throws Exception {
		TestObservationRegistry registry = TestObservationRegistry.create();
		this.template.setObservationRegistry(registry);
		this.template.setObservationEnabled(true);
		this.template.setObservationConvention(new S2TemplateObservationConvention() {
			@Override
			public String getContextualName(S2SenderContext context) {
				return "custom " + context.getStream();
			}
		});
		this.template.ensureStream("custom");
		this.template.send("custom", "hello").get(10, TimeUnit.SECONDS);
		TestObservationRegistryAssert.assertThat(registry)
			.hasObservationWithNameEqualTo("s2.template")
			.that()
			.hasContextualNameEqualTo("custom custom");
	}

	@Test
	void withoutObservationEnabledNothingIsObserved() throws Exception {
		TestObservationRegistry registry = TestObservationRegistry.create();
		this.template.setObservationRegistry(registry);
		this.template.ensureStream("quiet");
		this.template.send("quiet", "hello").get(10, TimeUnit.SECONDS);
		TestObservationRegistryAssert.assertThat(registry).doesNotHaveAnyObservation();
	}

	@Test
	void readsHistoryFromEachKindOfStartPosition() throws Exception {
		this.template.ensureStream("history");
		long before = System.currentTimeMillis();
		for (String text : List.of("a", "b", "c")) {
			this.template.send("history", text).get(10, TimeUnit.SECONDS);
		}
		assertThat(payloads(this.template.read("history", String.class, S2StartPosition.beginning(), 10)))
			.containsExactly("a", "b", "c");
		assertThat(payloads(this.template.read("history", String.class, S2StartPosition.seqNum(1), 1)))
			.containsExactly("b");
		assertThat(payloads(this.template.read("history", String.class, S2StartPosition.timestamp(before), 10)))
			.containsExactly("a", "b", "c");
		assertThat(this.template.read("history", String.class, S2StartPosition.tail(), 10)).isEmpty();
		assertThat(this.template.read("history", String.class, S2StartPosition.seqNum(3), 10)).isEmpty();
		assertThat(this.template.read("history", String.class, S2StartPosition.seqNum(99), 10)).isEmpty();
		assertThat(this.template.read("history", String.class, S2StartPosition.beginning(), 0)).isEmpty();
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> this.template.read("history", String.class, S2StartPosition.beginning(), -1))
			.withMessageContaining("-1");
	}

	@Test
	void ensureStreamTellsWhetherItCreatedTheStream() {
		assertThat(this.template.ensureStream("ensured")).isTrue();
		assertThat(this.template.ensureStream("ensured")).isFalse();
		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> this.template.createStream("ensured"));
		this.template.deleteStream("ensured");
	}

	@Test
	void executeGivesTheClientAndBasinAndWrapsCheckedFailures() {
		String basinSeen = this.template.execute((client, basin) -> basin);
		assertThat(basinSeen).isEqualTo(BASIN);
		S2Client clientSeen = this.template.execute((client, basin) -> client);
		assertThat(clientSeen).isSameAs(this.client);
		assertThat(this.template.getClient()).isSameAs(this.client);
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> this.template.execute((client, basin) -> {
				throw new java.io.IOException("disk");
			}))
			.withMessage("The S2 client callback failed: disk");
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> this.template.execute((client, basin) -> {
				throw new UnsupportedOperationException("no");
			}))
			.withMessage("no");
	}

	@Test
	void misuseFailsWithAClearError() {
		assertThat(this.template.sendBatch("any", List.of())).failsWithin(1, TimeUnit.SECONDS)
			.withThrowableThat()
			.havingCause()
			.isInstanceOf(IllegalArgumentException.class)
			.withMessage("A batch needs at least one message");
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> this.template.listen("any", String.class, S2StartPosition.tail(), (message, metadata) -> {
			}))
			.withMessageContaining("No S2Subscriber is configured");
		assertThat(this.template).hasToString("S2Template[basin=" + BASIN + "]");
		assertThat(this.template.inBasin("other-basin").getBasin()).isEqualTo("other-basin");
	}

	@Test
	void theRegistryIsALifecycleThatStopsLast() {
		S2AppenderRegistry registry = this.template.getAppenderRegistry();
		assertThat(registry.getOptions()).isEqualTo(S2AppenderOptions.defaults());
		assertThat(registry.getPhase()).isEqualTo(S2AppenderRegistry.PHASE);
		registry.start();
		assertThat(registry.isRunning()).isTrue();
		registry.stop();
		assertThat(registry.isRunning()).isFalse();
	}

	@Test
	void aStoppedTemplateRefusesSendsAndSendsAgainOnceStartedAgain() throws Exception {
		this.template.ensureStream("paused");
		S2AppenderRegistry registry = this.template.getAppenderRegistry();
		registry.start();
		this.template.send("paused", "before").get(10, TimeUnit.SECONDS);
		registry.stop();
		assertThat(this.template.send("paused", "while stopped")).failsWithin(10, TimeUnit.SECONDS)
			.withThrowableThat()
			.havingCause()
			.isInstanceOf(TransportException.class)
			.withMessageContaining("stopped");
		registry.start();
		this.template.send("paused", "after").get(10, TimeUnit.SECONDS);
		assertThat(payloads(this.template.read("paused", String.class, S2StartPosition.beginning(), 10)))
			.containsExactly("before", "after");
		this.template.destroy();
		registry.start();
		assertThat(this.template.send("paused", "destroyed")).failsWithin(10, TimeUnit.SECONDS);
	}

	private static <T> List<T> payloads(List<S2ReceivedMessage<T>> messages) {
		return messages.stream().map(S2ReceivedMessage::payload).toList();
	}

}
