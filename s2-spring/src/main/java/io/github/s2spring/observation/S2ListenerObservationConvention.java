package io.github.s2spring.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags listener observations; implement it (or extend
 * {@link DefaultS2ListenerObservationConvention}) to change them.
 */
public interface S2ListenerObservationConvention extends ObservationConvention<S2ReceiverContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof S2ReceiverContext;
	}

	@Override
	default String getName() {
		return "s2.listener";
	}

}
