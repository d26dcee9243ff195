package io.github.s2spring.boot.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.github.s2spring.boot.actuate.endpoint.S2Endpoint;
import io.github.s2spring.client.S2Client;
import io.github.s2spring.config.S2ListenerEndpointRegistry;
import io.github.s2spring.core.S2AppenderRegistry;

/**
 * Auto-configuration of the {@code s2} actuator endpoint, when it is available (enabled
 * and exposed, for example with {@code management.endpoints.web.exposure.include=s2}).
 */
@AutoConfiguration(after = { S2AutoConfiguration.class, S2ListenerAutoConfiguration.class })
@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnBean(S2Client.class)
@ConditionalOnAvailableEndpoint(S2Endpoint.class)
public final class S2EndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	S2Endpoint s2Endpoint(ObjectProvider<S2ListenerEndpointRegistry> listeners,
			ObjectProvider<S2AppenderRegistry> appenders) {
		return new S2Endpoint(listeners.getIfUnique(), appenders.getIfUnique());
	}

}
