package io.github.s2spring.boot.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.s2spring.annotation.EnableS2;
import io.github.s2spring.client.S2Client;
import io.github.s2spring.config.DefaultS2ListenerContainerFactory;
import io.github.s2spring.config.S2ContainerCustomizer;
import io.github.s2spring.config.S2ListenerConfigUtils;
import io.github.s2spring.core.S2Operations;
import io.github.s2spring.listener.DeadLetterStreamRecoverer;
import io.github.s2spring.listener.InMemoryS2PositionStore;
import io.github.s2spring.listener.S2ErrorHandler;
import io.github.s2spring.listener.S2PositionStore;
import io.github.s2spring.listener.StreamS2PositionStore;
import io.github.s2spring.observation.S2ListenerObservationConvention;
import io.github.s2spring.support.DefaultS2MessageConverter;
import io.github.s2spring.support.S2MessageConverter;

/**
 * Auto-configuration of {@code @S2Listener}: {@link EnableS2} (unless the application
 * declares it), the {@link S2PositionStore} ({@code s2.listener.position-store}) and the
 * {@code s2ListenerContainerFactory} configured from {@code s2.listener.*}, each backing
 * off when the application defines its own. Failing messages are retried as
 * {@code s2.listener.error.*} says, then published to dead-letter streams with the
 * application's {@link S2Operations}.
 */
@AutoConfiguration(after = S2AutoConfiguration.class)
@ConditionalOnClass(EnableS2.class)
@ConditionalOnBean(S2Client.class)
@EnableConfigurationProperties(S2Properties.class)
public final class S2ListenerAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(S2PositionStore.class)
	S2PositionStore s2PositionStore(S2Properties properties, S2Client client, S2ConnectionDetails connectionDetails) {
		S2Properties.Listener listener = properties.getListener();
		if (listener.getPositionStore() == S2Properties.PositionStore.MEMORY) {
			return new InMemoryS2PositionStore();
		}
		String basin = (listener.getPositionBasin() != null) ? listener.getPositionBasin()
				: connectionDetails.getBasin();
		if (basin == null) {
			throw new IllegalStateException(
					"s2.listener.position-store=stream needs a basin: set s2.basin or s2.listener.position-basin");
		}
		return new StreamS2PositionStore(client, basin, listener.getPositionStreamPrefix());
	}

	@Bean
	@ConditionalOnMissingBean
	S2ListenerContainerFactoryConfigurer s2ListenerContainerFactoryConfigurer(S2Properties properties,
			S2ConnectionDetails connectionDetails, S2PositionStore positionStore,
			ObjectProvider<S2MessageConverter> messageConverter, ObjectProvider<S2ErrorHandler> errorHandler,
			ObjectProvider<S2Operations> operations,
			ObjectProvider<S2ListenerObservationConvention> observationConvention,
			ObjectProvider<S2ContainerCustomizer> customizers) {
		DeadLetterStreamRecoverer recoverer = new DeadLetterStreamRecoverer(() -> operations.getIfUnique(() -> {
			throw new IllegalStateException("Dead-letter streams need one S2Operations bean; "
					+ "set s2.listener.error.dead-letter=false to stop the listener instead");
		}));
		String suffix = properties.getListener().getError().getDeadLetterSuffix();
		recoverer.setDestinationResolver((metadata) -> metadata.stream() + suffix);
		return new S2ListenerContainerFactoryConfigurer(properties, connectionDetails.getBasin(),
				messageConverter.getIfUnique(DefaultS2MessageConverter::new), positionStore,
				errorHandler.getIfUnique(() -> S2ListenerContainerFactoryConfigurer
					.errorHandler(properties.getListener().getError(), recoverer)),
				observationConvention.getIfUnique(), customizers.orderedStream().toList());
	}

	@Bean(name = S2ListenerConfigUtils.DEFAULT_CONTAINER_FACTORY_BEAN_NAME)
	@ConditionalOnMissingBean(name = S2ListenerConfigUtils.DEFAULT_CONTAINER_FACTORY_BEAN_NAME)
	DefaultS2ListenerContainerFactory s2ListenerContainerFactory(S2Client client,
			S2ListenerContainerFactoryConfigurer configurer) {
		DefaultS2ListenerContainerFactory factory = new DefaultS2ListenerContainerFactory(client);
		configurer.configure(factory);
		return factory;
	}

	@Configuration(proxyBeanMethods = false)
	@EnableS2
	@ConditionalOnMissingBean(name = S2ListenerConfigUtils.S2_LISTENER_ANNOTATION_PROCESSOR_BEAN_NAME)
	static class EnableS2Configuration {

	}

}
