package io.github.s2spring.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observation of a template send, from the call to the acknowledgement.
 */
public enum S2TemplateObservation implements ObservationDocumentation {

	/**
	 * A message sent with {@code S2Template}.
	 */
	TEMPLATE_OBSERVATION {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultS2TemplateObservationConvention.class;
		}

		@Override
		public String getPrefix() {
			return "s2.template";
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return TemplateLowCardinalityTags.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return TemplateHighCardinalityTags.values();
		}

	};

	/**
	 * Low-cardinality keys of a template observation.
	 */
	public enum TemplateLowCardinalityTags implements KeyName {

		/** The bean name of the template. */
		BEAN_NAME {

			@Override
			public String asString() {
				return "s2.template.name";
			}

		},

		/** The messaging system: {@code s2}. */
		MESSAGING_SYSTEM {

			@Override
			public String asString() {
				return "messaging.system";
			}

		},

		/** The messaging operation: {@code publish}. */
		MESSAGING_OPERATION {

			@Override
			public String asString() {
				return "messaging.operation";
			}

		},

		/** The basin of the stream. */
		BASIN {

			@Override
			public String asString() {
				return "s2.basin";
			}

		},

		/** {@code success} or {@code failure}. */
		OUTCOME {

			@Override
			public String asString() {
				return "outcome";
			}

		}

	}

	/**
	 * High-cardinality keys of a template observation: S2 applications may have very many
	 * streams, so the stream name is not a metric tag by default.
	 */
	public enum TemplateHighCardinalityTags implements KeyName {

		/** The stream. */
		MESSAGING_DESTINATION_NAME {

			@Override
			public String asString() {
				return "messaging.destination.name";
			}

		}

	}

}
