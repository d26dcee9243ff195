package io.github.s2spring.client.control.model;

import org.jspecify.annotations.Nullable;

/**
 * The configuration of a stream. On creation a {@code null} field takes the basin's
 * default; a configuration read back from S2 has every field resolved.
 *
 * @param storageClass the storage class
 * @param retentionPolicy how long records are kept
 * @param timestamping how records are timestamped
 * @param deleteOnEmpty when an empty stream is deleted
 */
public record StreamConfig(@Nullable StorageClass storageClass, @Nullable RetentionPolicy retentionPolicy,
		@Nullable TimestampingConfig timestamping, @Nullable DeleteOnEmptyConfig deleteOnEmpty) {

	/**
	 * A configuration with every field left to the default.
	 * @return the configuration
	 */
	public static StreamConfig defaults() {
		return new StreamConfig(null, null, null, null);
	}

	/**
	 * A builder, starting with every field left to the default.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Builds a {@link StreamConfig}.
	 */
	public static final class Builder {

		private @Nullable StorageClass storageClass;

		private @Nullable RetentionPolicy retentionPolicy;

		private @Nullable TimestampingConfig timestamping;

		private @Nullable DeleteOnEmptyConfig deleteOnEmpty;

		private Builder() {
		}

		/**
		 * Sets the storage class.
		 * @param storageClass the storage class
		 * @return this builder
		 */
		public Builder storageClass(@Nullable StorageClass storageClass) {
			this.storageClass = storageClass;
			return this;
		}

		/**
		 * Sets the retention policy.
		 * @param retentionPolicy the policy
		 * @return this builder
		 */
		public Builder retentionPolicy(@Nullable RetentionPolicy retentionPolicy) {
			this.retentionPolicy = retentionPolicy;
			return this;
		}

		/**
		 * Sets the timestamping configuration.
		 * @param timestamping the configuration
		 * @return this builder
		 */
		public Builder timestamping(@Nullable TimestampingConfig timestamping) {
			this.timestamping = timestamping;
			return this;
		}

		/**
		 * Sets the delete-on-empty configuration.
		 * @param deleteOnEmpty the configuration
		 * @return this builder
		 */
		public Builder deleteOnEmpty(@Nullable DeleteOnEmptyConfig deleteOnEmpty) {
			this.deleteOnEmpty = deleteOnEmpty;
			return this;
		}

		/**
		 * Builds the configuration.
		 * @return the configuration
		 */
		public StreamConfig build() {
			return new StreamConfig(this.storageClass, this.retentionPolicy, this.timestamping, this.deleteOnEmpty);
		}

	}

}
