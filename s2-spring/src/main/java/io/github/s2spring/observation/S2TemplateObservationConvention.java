package io.github.s2spring.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags template observations; implement it (or extend
 * {@link DefaultS2TemplateObservationConvention}) to change them.
 */
public interface S2TemplateObservationConvention extends ObservationConvention<S2SenderContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof S2SenderContext;
	}

	@Override
	default String getName() {
		return "s2.template";
	}

}
