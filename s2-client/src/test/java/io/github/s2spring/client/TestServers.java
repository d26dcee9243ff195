package io.github.s2spring.client;

import java.time.Duration;

import io.github.s2spring.client.config.RetryPolicy;
import io.github.s2spring.client.config.S2ClientConfig;
import io.github.s2spring.client.config.S2Endpoints;
import io.github.s2spring.embedded.S2EmbeddedServer;
import io.github.s2spring.embedded.config.BasinSpec;
import io.github.s2spring.embedded.config.StreamSpec;

/**
 * Starts embedded servers and builds clients for them.
 */
public final class TestServers {

	/** The basin every test server has, creating streams on first append or read. */
	public static final String BASIN = "test-basin";

	private TestServers() {
	}

	/**
	 * Starts a server on a free port with {@link #BASIN}.
	 * @return the server
	 */
	public static S2EmbeddedServer start() {
		return start(S2EmbeddedServer.builder());
	}

	/**
	 * Starts a server on a free port with {@link #BASIN} that advertises a
	 * {@code SETTINGS_MAX_CONCURRENT_STREAMS}.
	 * @param maxConcurrentStreams the streams one connection may carry
	 * @return the server
	 */
	public static S2EmbeddedServer start(int maxConcurrentStreams) {
		return start(S2EmbeddedServer.builder().maxConcurrentStreams(maxConcurrentStreams));
	}

	private static S2EmbeddedServer start(S2EmbeddedServer.Builder builder) {
		S2EmbeddedServer server = builder.port(0).build().start();
		server.store().createBasin(BASIN, new BasinSpec(StreamSpec.EMPTY, null, true, true), null);
		return server;
	}

	/**
	 * A configuration for a server at a base URL, with short timeouts for tests.
	 * @param baseUrl the base URL
	 * @return the configuration builder
	 */
	public static S2ClientConfig.Builder config(String baseUrl) {
		return S2ClientConfig.builder("test-token")
			.endpoints(S2Endpoints.single(baseUrl))
			.retryPolicy(new RetryPolicy(5, Duration.ofMillis(50), Duration.ofMillis(400)))
			.sessionRetryPolicy(RetryPolicy.unlimited(Duration.ofMillis(50), Duration.ofMillis(400)));
	}

}
