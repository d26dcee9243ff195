package io.github.s2spring.client.config;

import java.net.URI;

/**
 * A resolved base URL of the S2 API: scheme, host, port and base path (usually
 * {@code /v1}).
 *
 * @param scheme {@code http} or {@code https}
 * @param host the host name or address, without brackets for IPv6
 * @param port the port
 * @param basePath the path every API path is appended to, without a trailing slash (empty
 * for the root)
 */
public record Endpoint(String scheme, String host, int port, String basePath) {

	public Endpoint {
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw new IllegalArgumentException("Endpoint scheme must be http or https, got \"" + scheme + "\"");
		}
		if (host.isEmpty()) {
			throw new IllegalArgumentException("Endpoint host must not be empty");
		}
		if (port < 1 || port > 65535) {
			throw new IllegalArgumentException("Endpoint port must be 1 to 65535, got " + port);
		}
		if (basePath.endsWith("/")) {
			basePath = basePath.substring(0, basePath.length() - 1);
		}
	}

	/**
	 * Whether this endpoint uses TLS.
	 * @return {@code true} for {@code https}
	 */
	public boolean secure() {
		return this.scheme.equals("https");
	}

	/**
	 * The origin: scheme, host and port, for example {@code http://127.0.0.1:8080}.
	 * @return the origin
	 */
	public String origin() {
		return this.scheme + "://" + authority();
	}

	/**
	 * The authority: host and port, brackets around an IPv6 host.
	 * @return the authority
	 */
	public String authority() {
		String h = (this.host.indexOf(':') >= 0) ? "[" + this.host + "]" : this.host;
		return h + ":" + this.port;
	}

	/**
	 * The full path of an API path on this endpoint.
	 * @param apiPath an already-encoded path beginning with {@code /}, such as
	 * {@code /streams/a%2Fb/records}
	 * @return the base path followed by the API path
	 */
	public String path(String apiPath) {
		return this.basePath + apiPath;
	}

	/**
	 * The base URI, for example {@code https://a.s2.dev:443/v1}.
	 * @return the base URI
	 */
	public URI baseUri() {
		return URI.create(origin() + this.basePath);
	}

	@Override
	public String toString() {
		return origin() + this.basePath;
	}

}
