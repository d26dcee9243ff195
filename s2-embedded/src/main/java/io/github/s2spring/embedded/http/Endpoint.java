package io.github.s2spring.embedded.http;

/**
 * The handler of one route. A unary endpoint gets the whole (decompressed) request body;
 * an endpoint that {@linkplain #streamsRequestBody streams} gets the body chunk by chunk
 * through the call.
 */
public interface Endpoint {

	/**
	 * Handles a request. Runs on the connection's event loop and must not block; it
	 * answers through the call, now or later.
	 * @param call the request and its response
	 */
	void handle(Call call);

	/**
	 * Whether this request's body is consumed as a stream rather than aggregated.
	 * @param call the request (headers only so far)
	 * @return {@code true} to stream
	 */
	default boolean streamsRequestBody(Call call) {
		return false;
	}

}
