package io.github.s2spring.boot.autoconfigure;

import io.github.s2spring.client.config.S2ClientConfig;

/**
 * Adjusts the configuration of the auto-configured S2 client after {@code s2.*} has been
 * applied, for settings that have no property (TLS trust, keep-alive, streams per
 * connection, ...).
 */
@FunctionalInterface
public interface S2ClientConfigCustomizer {

	/**
	 * Customizes the configuration.
	 * @param builder the builder, with the connection details and properties applied
	 */
	void customize(S2ClientConfig.Builder builder);

}
