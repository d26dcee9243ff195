package io.github.s2spring.boot.autoconfigure;

import java.util.Collection;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import io.github.s2spring.client.S2Client;
import io.github.s2spring.config.S2ListenerEndpointRegistry;
import io.github.s2spring.core.S2AppenderRegistry;
import io.github.s2spring.listener.S2ListenerContainer;
import io.github.s2spring.micrometer.S2Metrics;

/**
 * Auto-configuration of the S2 meters: an {@link S2Metrics} binder of the listeners of
 * the endpoint registry and of the template's appenders, when a {@link MeterRegistry}
 * exists. Streams are tagged only with {@code s2.metrics.stream-tag=true}.
 */
@AutoConfiguration(after = { S2AutoConfiguration.class, S2ListenerAutoConfiguration.class }, afterName = {
		"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass({ MeterRegistry.class, S2Metrics.class })
@ConditionalOnBean({ MeterRegistry.class, S2Client.class })
@EnableConfigurationProperties(S2Properties.class)
public final class S2MetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	S2Metrics s2Metrics(S2Properties properties, ObjectProvider<S2ListenerEndpointRegistry> listeners,
			ObjectProvider<S2AppenderRegistry> appenders) {
		S2Metrics metrics = new S2Metrics(() -> listenerContainers(listeners), appenders.getIfUnique(),
				properties.getMetrics().isStreamTag());
		metrics.setRefreshInterval(properties.getMetrics().getRefreshInterval());
		return metrics;
	}

	static Collection<S2ListenerContainer> listenerContainers(ObjectProvider<S2ListenerEndpointRegistry> listeners) {
		S2ListenerEndpointRegistry registry = listeners.getIfUnique();
		return (registry != null) ? registry.getListenerContainers() : List.of();
	}

}
