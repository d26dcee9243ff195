package io.github.s2spring.client.config;

import java.util.Locale;

/**
 * Where the client sends requests: the account endpoint (basins, access tokens, metrics)
 * and the basin endpoint (streams and records), parsed as the official SDKs do.
 * <p>
 * An endpoint is {@code host}, {@code host:port} or {@code http(s)://host[:port][/path]}.
 * Without a scheme it is {@code https}; without a path the base path is {@code /v1}, and
 * an explicit path (even {@code /}) replaces it. A query or fragment is rejected. The
 * basin endpoint may contain {@code {basin}} in its host (replaced by the basin name) or
 * in its path (replaced by the percent-encoded name). A basin endpoint without
 * {@code {basin}} in its host is <em>direct</em>: every basin-scoped request then carries
 * the {@code s2-basin} header.
 */
public final class S2Endpoints {

	/** The cloud account endpoint. */
	public static final String DEFAULT_ACCOUNT_ENDPOINT = "https://a.s2.dev/v1";

	/** The cloud basin endpoint template. */
	public static final String DEFAULT_BASIN_ENDPOINT = "https://{basin}.b.s2.dev/v1";

	private static final String BASIN_PLACEHOLDER = "{basin}";

	private static final String DEFAULT_BASE_PATH = "/v1";

	private final Endpoint account;

	private final Template basin;

	private final String accountSpec;

	private final String basinSpec;

	private S2Endpoints(String accountSpec, String basinSpec) {
		this.accountSpec = accountSpec;
		this.basinSpec = basinSpec;
		Template accountTemplate = Template.parse("account endpoint", accountSpec);
		if (accountTemplate.host.contains(BASIN_PLACEHOLDER) || accountTemplate.path.contains(BASIN_PLACEHOLDER)) {
			throw new IllegalArgumentException(
					"Invalid account endpoint \"" + accountSpec + "\": it must not contain " + BASIN_PLACEHOLDER);
		}
		this.account = accountTemplate.resolve("");
		this.basin = Template.parse("basin endpoint", basinSpec);
	}

	/**
	 * The cloud endpoints: {@value #DEFAULT_ACCOUNT_ENDPOINT} and
	 * {@value #DEFAULT_BASIN_ENDPOINT}.
	 * @return the endpoints
	 */
	public static S2Endpoints cloud() {
		return of(DEFAULT_ACCOUNT_ENDPOINT, DEFAULT_BASIN_ENDPOINT);
	}

	/**
	 * Parses endpoints.
	 * @param account the account endpoint
	 * @param basin the basin endpoint, possibly a {@code {basin}} template
	 * @return the endpoints
	 * @throws IllegalArgumentException naming the endpoint that is malformed
	 */
	public static S2Endpoints of(String account, String basin) {
		return new S2Endpoints(account, basin);
	}

	/**
	 * One endpoint for everything, as for s2-lite or the embedded server: the basin
	 * endpoint is direct, so requests carry {@code s2-basin}.
	 * @param endpoint the endpoint, for example {@code http://127.0.0.1:4243}
	 * @return the endpoints
	 */
	public static S2Endpoints single(String endpoint) {
		return of(endpoint, endpoint);
	}

	/**
	 * The account endpoint.
	 * @return the resolved account endpoint
	 */
	public Endpoint account() {
		return this.account;
	}

	/**
	 * The basin endpoint of a basin.
	 * @param basinName the basin name
	 * @return the resolved endpoint
	 */
	public Endpoint basin(String basinName) {
		return this.basin.resolve(basinName);
	}

	/**
	 * Whether basin-scoped requests carry the {@code s2-basin} header: true unless the
	 * basin endpoint's host contains {@code {basin}}.
	 * @return whether the header is sent
	 */
	public boolean sendsBasinHeader() {
		return !this.basin.host.contains(BASIN_PLACEHOLDER);
	}

	/**
	 * The account endpoint as configured.
	 * @return the configured text
	 */
	public String accountSpec() {
		return this.accountSpec;
	}

	/**
	 * The basin endpoint as configured.
	 * @return the configured text
	 */
	public String basinSpec() {
		return this.basinSpec;
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof S2Endpoints that) && this.accountSpec.equals(that.accountSpec)
				&& this.basinSpec.equals(that.basinSpec);
	}

	@Override
	public int hashCode() {
		return 31 * this.accountSpec.hashCode() + this.basinSpec.hashCode();
	}

	@Override
	public String toString() {
		return "S2Endpoints[account=" + this.accountSpec + ", basin=" + this.basinSpec + "]";
	}

	private record Template(String scheme, String host, int port, String path) {

		static Template parse(String what, String spec) {
			String text = spec.trim();
			if (text.isEmpty()) {
				throw invalid(what, spec, "it is empty");
			}
			if (text.indexOf('?') >= 0 || text.indexOf('#') >= 0) {
				throw invalid(what, spec, "a query or fragment is not allowed");
			}
			String scheme = "https";
			int schemeEnd = text.indexOf("://");
			if (schemeEnd >= 0) {
				scheme = text.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
				if (!scheme.equals("http") && !scheme.equals("https")) {
					throw invalid(what, spec, "the scheme must be http or https");
				}
				text = text.substring(schemeEnd + 3);
			}
			int slash = text.indexOf('/');
			String authority = (slash >= 0) ? text.substring(0, slash) : text;
			String path = (slash >= 0) ? text.substring(slash) : DEFAULT_BASE_PATH;
			int defaultPort = scheme.equals("https") ? 443 : 80;
			String host;
			int port = defaultPort;
			if (authority.startsWith("[")) {
				int close = authority.indexOf(']');
				if (close < 0) {
					throw invalid(what, spec, "an IPv6 address lacks its closing ']'");
				}
				host = authority.substring(1, close);
				String rest = authority.substring(close + 1);
				if (!rest.isEmpty()) {
					if (!rest.startsWith(":")) {
						throw invalid(what, spec, "unexpected text after the IPv6 address");
					}
					port = parsePort(what, spec, rest.substring(1));
				}
			}
			else {
				int colon = authority.lastIndexOf(':');
				host = (colon >= 0) ? authority.substring(0, colon) : authority;
				if (colon >= 0) {
					port = parsePort(what, spec, authority.substring(colon + 1));
				}
			}
			if (host.isEmpty()) {
				throw invalid(what, spec, "the host is empty");
			}
			if (host.indexOf('@') >= 0 || host.indexOf(':') >= 0 && !authority.startsWith("[")) {
				throw invalid(what, spec, "the host is malformed");
			}
			return new Template(scheme, host, port, path);
		}

		private static int parsePort(String what, String spec, String port) {
			try {
				int value = Integer.parseInt(port);
				if (value >= 1 && value <= 65535) {
					return value;
				}
			}
			catch (NumberFormatException ex) {
				// reported below
			}
			throw invalid(what, spec, "the port must be a number from 1 to 65535");
		}

		private static IllegalArgumentException invalid(String what, String spec, String reason) {
			return new IllegalArgumentException("Invalid " + what + " \"" + spec + "\": " + reason);
		}

		Endpoint resolve(String basinName) {
			String resolvedHost = this.host.replace(BASIN_PLACEHOLDER, basinName);
			String resolvedPath = this.path.replace(BASIN_PLACEHOLDER, PathSegments.encode(basinName));
			return new Endpoint(this.scheme, resolvedHost, this.port, resolvedPath);
		}

	}

}
