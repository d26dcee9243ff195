package io.github.s2spring.client.control.model;

import java.util.Objects;

/**
 * A change to a stream's configuration (PATCH). Every field is a {@link Patch}: absent
 * leaves it unchanged, reset restores the default, set changes it. Nested objects apply
 * field by field.
 *
 * @param storageClass the change to the storage class
 * @param retentionPolicy the change to the retention policy
 * @param timestamping the change to timestamping
 * @param deleteOnEmpty the change to delete-on-empty
 */
public record StreamReconfiguration(Patch<StorageClass> storageClass, Patch<RetentionPolicy> retentionPolicy,
		Patch<TimestampingReconfiguration> timestamping, Patch<DeleteOnEmptyReconfiguration> deleteOnEmpty) {

	/**
	 * Creates the change.
	 * @param storageClass the change to the storage class
	 * @param retentionPolicy the change to the retention policy
	 * @param timestamping the change to timestamping
	 * @param deleteOnEmpty the change to delete-on-empty
	 */
	public StreamReconfiguration {
		Objects.requireNonNull(storageClass, "storageClass");
		Objects.requireNonNull(retentionPolicy, "retentionPolicy");
		Objects.requireNonNull(timestamping, "timestamping");
		Objects.requireNonNull(deleteOnEmpty, "deleteOnEmpty");
	}

	/**
	 * A builder in which every field starts unchanged.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Builds a {@link StreamReconfiguration}.
	 */
	public static final class Builder {

		private Patch<StorageClass> storageClass = Patch.unchanged();

		private Patch<RetentionPolicy> retentionPolicy = Patch.unchanged();

		private Patch<TimestampingReconfiguration> timestamping = Patch.unchanged();

		private Patch<DeleteOnEmptyReconfiguration> deleteOnEmpty = Patch.unchanged();

		private Builder() {
		}

		/**
		 * Changes the storage class.
		 * @param storageClass the patch
		 * @return this builder
		 */
		public Builder storageClass(Patch<StorageClass> storageClass) {
			this.storageClass = Objects.requireNonNull(storageClass, "storageClass");
			return this;
		}

		/**
		 * Changes the retention policy.
		 * @param retentionPolicy the patch
		 * @return this builder
		 */
		public Builder retentionPolicy(Patch<RetentionPolicy> retentionPolicy) {
			this.retentionPolicy = Objects.requireNonNull(retentionPolicy, "retentionPolicy");
			return this;
		}

		/**
		 * Changes timestamping.
		 * @param timestamping the patch
		 * @return this builder
		 */
		public Builder timestamping(Patch<TimestampingReconfiguration> timestamping) {
			this.timestamping = Objects.requireNonNull(timestamping, "timestamping");
			return this;
		}

		/**
		 * Changes delete-on-empty.
		 * @param deleteOnEmpty the patch
		 * @return this builder
		 */
		public Builder deleteOnEmpty(Patch<DeleteOnEmptyReconfiguration> deleteOnEmpty) {
			this.deleteOnEmpty = Objects.requireNonNull(deleteOnEmpty, "deleteOnEmpty");
			return this;
		}

		/**
		 * Builds the change.
		 * @return the change
		 */
		public StreamReconfiguration build() {
			return new StreamReconfiguration(this.storageClass, this.retentionPolicy, this.timestamping,
					this.deleteOnEmpty);
		}

	}

}
