package io.github.s2spring.client.control.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What an access token may do: on which resources, and which operations (the union of
 * {@code ops} and {@code op_groups}).
 *
 * @param basins the basins, or {@code null} for none
 * @param streams the streams, or {@code null} for none
 * @param accessTokens the access tokens, or {@code null} for none
 * @param opGroups permissions by group, or {@code null} for none
 * @param ops single operations allowed, or {@code null} for none
 */
public record AccessTokenScope(@Nullable ResourceSet basins, @Nullable ResourceSet streams,
		@Nullable ResourceSet accessTokens, @Nullable OperationGroups opGroups, @Nullable List<Operation> ops) {

	/**
	 * Creates the scope.
	 * @param basins the basins
	 * @param streams the streams
	 * @param accessTokens the access tokens
	 * @param opGroups the operation groups
	 * @param ops the operations
	 */
	public AccessTokenScope {
		ops = (ops != null) ? List.copyOf(ops) : null;
	}

	/**
	 * A builder with nothing allowed.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Builds an {@link AccessTokenScope}.
	 */
	public static final class Builder {

		private @Nullable ResourceSet basins;

		private @Nullable ResourceSet streams;

		private @Nullable ResourceSet accessTokens;

		private @Nullable OperationGroups opGroups;

		private @Nullable List<Operation> ops;

		private Builder() {
		}

		/**
		 * Sets the basins.
		 * @param basins the basins
		 * @return this builder
		 */
		public Builder basins(@Nullable ResourceSet basins) {
			this.basins = basins;
			return this;
		}

		/**
		 * Sets the streams.
		 * @param streams the streams
		 * @return this builder
		 */
		public Builder streams(@Nullable ResourceSet streams) {
			this.streams = streams;
			return this;
		}

		/**
		 * Sets the access tokens.
		 * @param accessTokens the access tokens
		 * @return this builder
		 */
		public Builder accessTokens(@Nullable ResourceSet accessTokens) {
			this.accessTokens = accessTokens;
			return this;
		}

		/**
		 * Sets the operation groups.
		 * @param opGroups the groups
		 * @return this builder
		 */
		public Builder opGroups(@Nullable OperationGroups opGroups) {
			this.opGroups = opGroups;
			return this;
		}

		/**
		 * Adds single operations.
		 * @param ops the operations
		 * @return this builder
		 */
		public Builder ops(Operation... ops) {
			List<Operation> all = (this.ops != null) ? this.ops : new ArrayList<>();
			all.addAll(Arrays.asList(ops));
			this.ops = all;
			return this;
		}

		/**
		 * Builds the scope.
		 * @return the scope
		 */
		public AccessTokenScope build() {
			return new AccessTokenScope(this.basins, this.streams, this.accessTokens, this.opGroups, this.ops);
		}

	}

}
