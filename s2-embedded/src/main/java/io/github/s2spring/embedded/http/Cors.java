package io.github.s2spring.embedded.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;

/**
 * Permissive CORS, as s2-lite serves by default: any origin, any method, any requested
 * header, and the S2 response headers exposed to scripts.
 */
final class Cors {

	static final String METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS";

	static final String EXPOSED = "s2-provision-result, retry-after-ms, content-type";

	private Cors() {
	}

	static void decorate(HttpHeaders headers) {
		headers.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
		headers.set(HttpHeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED);
	}

	static void preflight(HttpHeaders request, HttpHeaders response) {
		decorate(response);
		response.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS, METHODS);
		String requested = request.get(HttpHeaderNames.ACCESS_CONTROL_REQUEST_HEADERS);
		response.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, (requested != null) ? requested : "*");
		response.set(HttpHeaderNames.ACCESS_CONTROL_MAX_AGE, "86400");
	}

}
