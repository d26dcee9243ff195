package io.github.s2spring.client.internal.control;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.client.config.Endpoint;
import io.github.s2spring.client.config.PathSegments;

/**
 * Builds request URIs: an endpoint, path segments each percent-encoded as one RFC 3986
 * segment ({@code /} becomes {@code %2F}, a space {@code %20}), and query parameters
 * encoded the same way.
 */
final class Uris {

	private final Endpoint endpoint;

	private final StringBuilder path = new StringBuilder();

	private final Map<String, String> query = new LinkedHashMap<>();

	private Uris(Endpoint endpoint) {
		this.endpoint = endpoint;
	}

	static Uris on(Endpoint endpoint) {
		return new Uris(endpoint);
	}

	/**
	 * Appends literal path segments, such as {@code "basins"}.
	 */
	Uris path(String literal) {
		this.path.append('/').append(literal);
		return this;
	}

	/**
	 * Appends a name as one percent-encoded segment.
	 */
	Uris segment(String name) {
		this.path.append('/').append(PathSegments.encode(name));
		return this;
	}

	/**
	 * Adds a query parameter unless its value is {@code null}.
	 */
	Uris query(String name, @Nullable Object value) {
		if (value != null) {
			this.query.put(name, String.valueOf(value));
		}
		return this;
	}

	URI build() {
		StringBuilder uri = new StringBuilder(this.endpoint.origin()).append(this.endpoint.path(this.path.toString()));
		char separator = '?';
		for (Map.Entry<String, String> parameter : this.query.entrySet()) {
			uri.append(separator)
				.append(PathSegments.encode(parameter.getKey()))
				.append('=')
				.append(PathSegments.encode(parameter.getValue()));
			separator = '&';
		}
		return URI.create(uri.toString());
	}

}
