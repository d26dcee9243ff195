package io.github.s2spring.embedded.store;

/**
 * The outcome of creating or ensuring a basin or stream.
 *
 * @param <T> the resource type
 * @param resource the resource
 * @param result what happened
 */
public record Provisioned<T>(T resource, Result result) {

	/**
	 * What a create or ensure did, as in the {@code s2-provision-result} header.
	 */
	public enum Result {

		/** The resource was created. */
		CREATED,

		/** An existing resource's configuration changed. */
		UPDATED,

		/** Nothing changed. */
		NOOP;

		/**
		 * The header value.
		 * @return lower-case name
		 */
		public String headerValue() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

}
