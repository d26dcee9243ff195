package io.github.s2spring.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observation of a listener delivery: one message (or one batch, for batch listeners)
 * through the listener method.
 */
public enum S2ListenerObservation implements ObservationDocumentation {

	/**
	 * A delivery to an {@code @S2Listener} method or a programmatic listener.
	 */
	LISTENER_OBSERVATION {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultS2ListenerObservationConvention.class;
		}

		@Override
		public String getPrefix() {
			return "s2.listener";
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return ListenerLowCardinalityTags.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return ListenerHighCardinalityTags.values();
		}

	};

	/**
	 * Low-cardinality keys of a listener observation.
	 */
	public enum ListenerLowCardinalityTags implements KeyName {

		/** The listener id. */
		LISTENER_ID {

			@Override
			public String asString() {
				return "s2.listener.id";
			}

		},

		/** The messaging system: {@code s2}. */
		MESSAGING_SYSTEM {

			@Override
			public String asString() {
				return "messaging.system";
			}

		},

		/** The messaging operation: {@code process}. */
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
	 * High-cardinality keys of a listener observation.
	 */
	public enum ListenerHighCardinalityTags implements KeyName {

		/** The stream. */
		MESSAGING_DESTINATION_NAME {

			@Override
			public String asString() {
				return "messaging.destination.name";
			}

		},

		/** The seq num of the message's first record. */
		SEQ_NUM {

			@Override
			public String asString() {
				return "s2.seq_num";
			}

		}

	}

}
