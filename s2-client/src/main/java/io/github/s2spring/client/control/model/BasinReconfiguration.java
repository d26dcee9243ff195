package io.github.s2spring.client.control.model;

import java.util.Objects;

/**
 * A change to a basin's configuration (PATCH). Every field is a {@link Patch}: absent
 * leaves it unchanged, reset restores the default, set changes it.
 *
 * @param defaultStreamConfig the change to the default stream configuration, applied
 * field by field
 * @param streamCipher the change to the cipher of new streams
 * @param createStreamOnAppend the change to create-on-append
 * @param createStreamOnRead the change to create-on-read
 */
public record BasinReconfiguration(Patch<StreamReconfiguration> defaultStreamConfig, Patch<StreamCipher> streamCipher,
		Patch<Boolean> createStreamOnAppend, Patch<Boolean> createStreamOnRead) {

	/**
	 * Creates the change.
	 * @param defaultStreamConfig the change to the default stream configuration
	 * @param streamCipher the change to the cipher
	 * @param createStreamOnAppend the change to create-on-append
	 * @param createStreamOnRead the change to create-on-read
	 */
	public BasinReconfiguration {
		Objects.requireNonNull(defaultStreamConfig, "defaultStreamConfig");
		Objects.requireNonNull(streamCipher, "streamCipher");
		Objects.requireNonNull(createStreamOnAppend, "createStreamOnAppend");
		Objects.requireNonNull(createStreamOnRead, "createStreamOnRead");
	}

	/**
	 * A builder in which every field starts unchanged.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Builds a {@link BasinReconfiguration}.
	 */
	public static final class Builder {

		private Patch<StreamReconfiguration> defaultStreamConfig = Patch.unchanged();

		private Patch<StreamCipher> streamCipher = Patch.unchanged();

		private Patch<Boolean> createStreamOnAppend = Patch.unchanged();

		private Patch<Boolean> createStreamOnRead = Patch.unchanged();

		private Builder() {
		}

		/**
		 * Changes the default stream configuration.
		 * @param defaultStreamConfig the patch
		 * @return this builder
		 */
		public Builder defaultStreamConfig(Patch<StreamReconfiguration> defaultStreamConfig) {
			this.defaultStreamConfig = Objects.requireNonNull(defaultStreamConfig, "defaultStreamConfig");
			return this;
		}

		/**
		 * Changes the cipher of new streams.
		 * @param streamCipher the patch
		 * @return this builder
		 */
		public Builder streamCipher(Patch<StreamCipher> streamCipher) {
			this.streamCipher = Objects.requireNonNull(streamCipher, "streamCipher");
			return this;
		}

		/**
		 * Changes create-on-append.
		 * @param createStreamOnAppend the patch
		 * @return this builder
		 */
		public Builder createStreamOnAppend(Patch<Boolean> createStreamOnAppend) {
			this.createStreamOnAppend = Objects.requireNonNull(createStreamOnAppend, "createStreamOnAppend");
			return this;
		}

		/**
		 * Changes create-on-read.
		 * @param createStreamOnRead the patch
		 * @return this builder
		 */
		public Builder createStreamOnRead(Patch<Boolean> createStreamOnRead) {
			this.createStreamOnRead = Objects.requireNonNull(createStreamOnRead, "createStreamOnRead");
			return this;
		}

		/**
		 * Builds the change.
		 * @return the change
		 */
		public BasinReconfiguration build() {
			return new BasinReconfiguration(this.defaultStreamConfig, this.streamCipher, this.createStreamOnAppend,
					this.createStreamOnRead);
		}

	}

}
