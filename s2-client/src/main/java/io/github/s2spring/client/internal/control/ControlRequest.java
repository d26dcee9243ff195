package io.github.s2spring.client.internal.control;

import java.net.URI;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * One control-plane request, built once and sent as often as retries need, so that
 * headers such as {@code s2-request-token} are the same on every attempt.
 *
 * @param operation what the request does, for error messages (for example
 * {@code create basin "my-basin"})
 * @param method the HTTP method
 * @param uri the full, percent-encoded URI
 * @param headers extra headers (for example {@code s2-basin}, {@code s2-request-token})
 * @param body the JSON body, if any
 */
record ControlRequest(String operation, HttpMethod method, URI uri, Map<String, String> headers,
		@Nullable JsonNode body) {

	ControlRequest {
		headers = Map.copyOf(headers);
	}

}
