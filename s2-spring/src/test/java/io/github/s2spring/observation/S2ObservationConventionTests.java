package io.github.s2spring.observation;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;

import io.github.s2spring.support.S2RecordMetadata;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The names, tags and propagation carriers of the default conventions.
 */
class S2ObservationConventionTests {

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	@Test
	void templateSendIsNamedAndTagged() {
		S2SenderContext context = new S2SenderContext("s2Template", "my-basin-1", "chat/general",
				new LinkedHashMap<>());
		S2TemplateObservation.TEMPLATE_OBSERVATION
			.observation(null, DefaultS2TemplateObservationConvention.INSTANCE, () -> context, this.registry)
			.start()
			.stop();
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo("s2.template")
			.that()
			.hasContextualNameEqualTo("chat/general send")
			.hasLowCardinalityKeyValue("s2.template.name", "s2Template")
			.hasLowCardinalityKeyValue("messaging.system", "s2")
			.hasLowCardinalityKeyValue("messaging.operation", "publish")
			.hasLowCardinalityKeyValue("s2.basin", "my-basin-1")
			.hasLowCardinalityKeyValue("outcome", "success")
			.hasHighCardinalityKeyValue("messaging.destination.name", "chat/general");
	}

	@Test
	void failedSendIsTaggedFailure() {
		S2SenderContext context = new S2SenderContext("t", "my-basin-1", "s", new LinkedHashMap<>());
		Observation observation = S2TemplateObservation.TEMPLATE_OBSERVATION
			.observation(null, DefaultS2TemplateObservationConvention.INSTANCE, () -> context, this.registry)
			.start();
		observation.error(new IllegalStateException("boom"));
		observation.stop();
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo("s2.template")
			.that()
			.hasLowCardinalityKeyValue("outcome", "failure")
			.hasError();
	}

	@Test
	void senderContextWritesPropagationFieldsIntoTheHeaders() {
		Map<String, String> headers = new LinkedHashMap<>();
		S2SenderContext context = new S2SenderContext("t", "my-basin-1", "s", headers);
		context.getSetter().set(context.getCarrier(), "traceparent", "00-abc-def-01");
		assertThat(headers).containsExactly(Map.entry("traceparent", "00-abc-def-01"));
		assertThat(context.getRemoteServiceName()).isEqualTo("S2");
	}

	@Test
	void listenerDeliveryIsNamedAndTagged() {
		S2RecordMetadata metadata = new S2RecordMetadata("my-basin-1", "chat/general", 41, 42, 1000,
				Map.of("traceparent", "00-abc-def-01"), "writer");
		S2ReceiverContext context = new S2ReceiverContext("chat", metadata);
		S2ListenerObservation.LISTENER_OBSERVATION
			.observation(null, DefaultS2ListenerObservationConvention.INSTANCE, () -> context, this.registry)
			.start()
			.stop();
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo("s2.listener")
			.that()
			.hasContextualNameEqualTo("chat/general process")
			.hasLowCardinalityKeyValue("s2.listener.id", "chat")
			.hasLowCardinalityKeyValue("messaging.operation", "process")
			.hasLowCardinalityKeyValue("s2.basin", "my-basin-1")
			.hasLowCardinalityKeyValue("outcome", "success")
			.hasHighCardinalityKeyValue("messaging.destination.name", "chat/general")
			.hasHighCardinalityKeyValue("s2.seq_num", "41");
		assertThat(context.getGetter().get(metadata, "traceparent")).isEqualTo("00-abc-def-01");
		assertThat(context.getGetter().get(metadata, "baggage")).isNull();
	}

	@Test
	void documentedKeysMatchTheConventions() {
		assertThat(S2TemplateObservation.TEMPLATE_OBSERVATION.getLowCardinalityKeyNames())
			.extracting((key) -> key.asString())
			.containsExactly("s2.template.name", "messaging.system", "messaging.operation", "s2.basin", "outcome");
		assertThat(S2ListenerObservation.LISTENER_OBSERVATION.getHighCardinalityKeyNames())
			.extracting((key) -> key.asString())
			.containsExactly("messaging.destination.name", "s2.seq_num");
		assertThat(KeyValue.of("a", "b").getKey()).isEqualTo("a");
	}

}
