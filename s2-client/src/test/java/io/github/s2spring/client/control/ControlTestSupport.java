package io.github.s2spring.client.control;

import java.time.Duration;

import io.github.s2spring.client.S2Client;
import io.github.s2spring.client.config.RetryPolicy;
import io.github.s2spring.client.config.S2ClientConfig;
import io.github.s2spring.client.config.S2Endpoints;

/**
 * Clients for control-plane tests: short backoff so retries are quick.
 */
final class ControlTestSupport {

	static final String TOKEN = "secret-token-value";

	static final RetryPolicy QUICK_RETRIES = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5));

	private ControlTestSupport() {
	}

	static S2ClientConfig.Builder config(String endpoint) {
		return S2ClientConfig.builder(TOKEN).endpoints(S2Endpoints.single(endpoint)).retryPolicy(QUICK_RETRIES);
	}

	static S2Client client(String endpoint) {
		return S2Client.create(config(endpoint).build());
	}

}
