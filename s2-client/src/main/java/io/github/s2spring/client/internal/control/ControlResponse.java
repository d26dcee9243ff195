package io.github.s2spring.client.internal.control;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

/**
 * A successful (2xx) response as read from the wire.
 *
 * @param status the HTTP status
 * @param headers the response headers
 * @param body the body bytes, possibly empty
 */
record ControlResponse(int status, HttpHeaders headers, byte[] body) {

	JsonNode json() {
		return Json.read(this.body);
	}

	@Nullable String header(String name) {
		return this.headers.getFirst(name);
	}

}
