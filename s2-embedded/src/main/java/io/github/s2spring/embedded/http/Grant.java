package io.github.s2spring.embedded.http;

/**
 * What the caller of a request may reach, as attached to its {@link Call} by the
 * {@link Authorizer}: endpoints use it to filter listings, to check names that arrive in
 * bodies, and to apply a token's automatic stream prefix.
 */
public interface Grant {

	/** Everything, with no stream prefix: the grant without authentication. */
	Grant ALL = new Grant() {

		@Override
		public boolean allowsBasin(String basin) {
			return true;
		}

		@Override
		public boolean allowsStream(String stream) {
			return true;
		}

		@Override
		public boolean allowsOperation(Operation operation) {
			return true;
		}

		@Override
		public String streamPrefix() {
			return "";
		}

	};

	/**
	 * Whether the caller may reach a basin.
	 * @param basin the basin name
	 * @return whether it is in scope
	 */
	boolean allowsBasin(String basin);

	/**
	 * Whether the caller may reach a stream.
	 * @param stream the full stream name (with any automatic prefix)
	 * @return whether it is in scope
	 */
	boolean allowsStream(String stream);

	/**
	 * Whether the caller may perform an operation.
	 * @param operation the operation
	 * @return whether it is permitted
	 */
	boolean allowsOperation(Operation operation);

	/**
	 * The prefix added to stream names in requests and stripped from names in responses
	 * ({@code auto_prefix_streams}), or {@code ""}.
	 * @return the prefix
	 */
	String streamPrefix();

}
