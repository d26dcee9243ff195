package io.github.s2spring.observation;

import io.micrometer.common.KeyValues;

import io.github.s2spring.observation.S2TemplateObservation.TemplateHighCardinalityTags;
import io.github.s2spring.observation.S2TemplateObservation.TemplateLowCardinalityTags;

/**
 * The default names and tags of template observations: {@code s2.template}, named
 * {@code "<stream> send"}, with the template, {@code messaging.system=s2},
 * {@code messaging.operation=publish}, the basin and the outcome as low-cardinality tags
 * and the stream as a high-cardinality one.
 */
public class DefaultS2TemplateObservationConvention implements S2TemplateObservationConvention {

	/** A shared instance. */
	public static final DefaultS2TemplateObservationConvention INSTANCE = new DefaultS2TemplateObservationConvention();

	@Override
	public KeyValues getLowCardinalityKeyValues(S2SenderContext context) {
		return KeyValues.of(TemplateLowCardinalityTags.BEAN_NAME.withValue(context.getBeanName()),
				TemplateLowCardinalityTags.MESSAGING_SYSTEM.withValue("s2"),
				TemplateLowCardinalityTags.MESSAGING_OPERATION.withValue("publish"),
				TemplateLowCardinalityTags.BASIN.withValue(context.getBasin()),
				TemplateLowCardinalityTags.OUTCOME.withValue((context.getError() == null) ? "success" : "failure"));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(S2SenderContext context) {
		return KeyValues.of(TemplateHighCardinalityTags.MESSAGING_DESTINATION_NAME.withValue(context.getStream()));
	}

	@Override
	public String getContextualName(S2SenderContext context) {
		return context.getStream() + " send";
	}

}
