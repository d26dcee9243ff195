package io.github.s2spring.client.control.model;

import org.jspecify.annotations.Nullable;

/**
 * The configuration of a basin.
 *
 * @param defaultStreamConfig the configuration new streams start from, or {@code null}
 * for the system default
 * @param streamCipher the cipher of new streams, or {@code null} for none
 * @param createStreamOnAppend whether an append to a missing stream creates it
 * @param createStreamOnRead whether a read of a missing stream creates it
 */
public record BasinConfig(@Nullable StreamConfig defaultStreamConfig, @Nullable StreamCipher streamCipher,
		boolean createStreamOnAppend, boolean createStreamOnRead) {

	/**
	 * A configuration with every field left to the default.
	 * @return the configuration
	 */
	public static BasinConfig defaults() {
		return new BasinConfig(null, null, false, false);
	}

	/**
	 * A builder, starting with every field left to the default.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Builds a {@link BasinConfig}.
	 */
	public static final class Builder {

		private @Nullable StreamConfig defaultStreamConfig;

		private @Nullable StreamCipher streamCipher;

		private boolean createStreamOnAppend;

		private boolean createStreamOnRead;

		private Builder() {
		}

		/**
		 * Sets the configuration new streams start from.
		 * @param defaultStreamConfig the configuration
		 * @return this builder
		 */
		public Builder defaultStreamConfig(@Nullable StreamConfig defaultStreamConfig) {
			this.defaultStreamConfig = defaultStreamConfig;
			return this;
		}

		/**
		 * Sets the cipher of new streams.
		 * @param streamCipher the cipher
		 * @return this builder
		 */
		public Builder streamCipher(@Nullable StreamCipher streamCipher) {
			this.streamCipher = streamCipher;
			return this;
		}

		/**
		 * Sets whether an append to a missing stream creates it.
		 * @param createStreamOnAppend whether to create
		 * @return this builder
		 */
		public Builder createStreamOnAppend(boolean createStreamOnAppend) {
			this.createStreamOnAppend = createStreamOnAppend;
			return this;
		}

		/**
		 * Sets whether a read of a missing stream creates it.
		 * @param createStreamOnRead whether to create
		 * @return this builder
		 */
		public Builder createStreamOnRead(boolean createStreamOnRead) {
			this.createStreamOnRead = createStreamOnRead;
			return this;
		}

		/**
		 * Builds the configuration.
		 * @return the configuration
		 */
		public BasinConfig build() {
			return new BasinConfig(this.defaultStreamConfig, this.streamCipher, this.createStreamOnAppend,
					this.createStreamOnRead);
		}

	}

}
