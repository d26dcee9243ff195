package io.github.s2spring.boot.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

import io.github.s2spring.boot.health.S2HealthIndicator;
import io.github.s2spring.client.S2Client;
import io.github.s2spring.config.S2ListenerEndpointRegistry;
import io.github.s2spring.core.S2AppenderRegistry;

/**
 * Auto-configuration of the {@code s2} health indicator, on with Boot's health module and
 * off with {@code management.health.s2.enabled=false}. It checks the control plane within
 * {@code s2.health.timeout} and reports the listeners of the endpoint registry and the
 * template's appenders.
 */
@AutoConfiguration(after = { S2AutoConfiguration.class, S2ListenerAutoConfiguration.class })
@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(S2Client.class)
@ConditionalOnEnabledHealthIndicator("s2")
@EnableConfigurationProperties(S2Properties.class)
public final class S2HealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "s2HealthIndicator")
	S2HealthIndicator s2HealthIndicator(S2Client client, S2ConnectionDetails connectionDetails, S2Properties properties,
			ObjectProvider<S2ListenerEndpointRegistry> listeners, ObjectProvider<S2AppenderRegistry> appenders) {
		S2Properties.Health health = properties.getHealth();
		return new S2HealthIndicator(client, connectionDetails.getBasin(), health.getTimeout(),
				() -> S2MetricsAutoConfiguration.listenerContainers(listeners), appenders.getIfUnique(),
				health.getMaxDetails());
	}

}
