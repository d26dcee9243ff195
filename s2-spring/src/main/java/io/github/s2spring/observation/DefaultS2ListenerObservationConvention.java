package io.github.s2spring.observation;

import io.micrometer.common.KeyValues;

import io.github.s2spring.observation.S2ListenerObservation.ListenerHighCardinalityTags;
import io.github.s2spring.observation.S2ListenerObservation.ListenerLowCardinalityTags;

/**
 * The default names and tags of listener observations: {@code s2.listener}, named
 * {@code "<stream> process"}, with the listener id, {@code messaging.system=s2},
 * {@code messaging.operation=process}, the basin and the outcome as low-cardinality tags
 * and the stream and seq num as high-cardinality ones.
 */
public class DefaultS2ListenerObservationConvention implements S2ListenerObservationConvention {

	/** A shared instance. */
	public static final DefaultS2ListenerObservationConvention INSTANCE = new DefaultS2ListenerObservationConvention();

	@Override
	public KeyValues getLowCardinalityKeyValues(S2ReceiverContext context) {
		return KeyValues.of(ListenerLowCardinalityTags.LISTENER_ID.withValue(context.getListenerId()),
				ListenerLowCardinalityTags.MESSAGING_SYSTEM.withValue("s2"),
				ListenerLowCardinalityTags.MESSAGING_OPERATION.withValue("process"),
				ListenerLowCardinalityTags.BASIN.withValue(context.getMetadata().basin()),
				ListenerLowCardinalityTags.OUTCOME.withValue((context.getError() == null) ? "success" : "failure"));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(S2ReceiverContext context) {
		return KeyValues.of(
				ListenerHighCardinalityTags.MESSAGING_DESTINATION_NAME.withValue(context.getMetadata().stream()),
				ListenerHighCardinalityTags.SEQ_NUM.withValue(Long.toString(context.getMetadata().seqNum())));
	}

	@Override
	public String getContextualName(S2ReceiverContext context) {
		return context.getMetadata().stream() + " process";
	}

}
