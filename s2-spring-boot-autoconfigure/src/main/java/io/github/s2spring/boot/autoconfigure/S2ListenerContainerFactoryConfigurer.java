package io.github.s2spring.boot.autoconfigure;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

import io.github.s2spring.config.DefaultS2ListenerContainerFactory;
import io.github.s2spring.config.S2ContainerCustomizer;
import io.github.s2spring.listener.DeadLetterStreamRecoverer;
import io.github.s2spring.listener.DefaultS2ErrorHandler;
import io.github.s2spring.listener.S2ErrorHandler;
import io.github.s2spring.listener.S2PositionStore;
import io.github.s2spring.observation.S2ListenerObservationConvention;
import io.github.s2spring.support.S2MessageConverter;

/**
 * Configures a {@link DefaultS2ListenerContainerFactory} as the auto-configured one is
 * configured, from {@code s2.*} and the application's beans: inject it to build more
 * factories alike.
 */
public final class S2ListenerContainerFactoryConfigurer {

	private final S2Properties properties;

	private final @Nullable String defaultBasin;

	private final S2MessageConverter messageConverter;

	private final S2PositionStore positionStore;

	private final S2ErrorHandler errorHandler;

	private final @Nullable S2ListenerObservationConvention observationConvention;

	private final List<S2ContainerCustomizer> customizers;

	S2ListenerContainerFactoryConfigurer(S2Properties properties, @Nullable String defaultBasin,
			S2MessageConverter messageConverter, S2PositionStore positionStore, S2ErrorHandler errorHandler,
			@Nullable S2ListenerObservationConvention observationConvention, List<S2ContainerCustomizer> customizers) {
		this.properties = properties;
		this.defaultBasin = defaultBasin;
		this.messageConverter = messageConverter;
		this.positionStore = positionStore;
		this.errorHandler = errorHandler;
		this.observationConvention = observationConvention;
		this.customizers = List.copyOf(customizers);
	}

	/**
	 * Applies the settings to a factory.
	 * @param factory the factory
	 */
	public void configure(DefaultS2ListenerContainerFactory factory) {
		S2Properties.Listener listener = this.properties.getListener();
		factory.setDefaultBasin(this.defaultBasin);
		factory.setMessageConverter(this.messageConverter);
		if (listener.getMaxThreads() != null) {
			factory.setMaxThreads(listener.getMaxThreads());
		}
		factory.setAckMode(listener.getAckMode());
		factory.setAutoStartup(listener.isAutoStartup());
		factory.setDiscoveryInterval(listener.getDiscoveryInterval());
		factory.setIdleEventInterval(listener.getIdleEventInterval());
		factory.setShutdownTimeout(listener.getShutdownTimeout());
		factory.setPositionStore(this.positionStore);
		factory.setErrorHandler(this.errorHandler);
		String suffix = listener.getError().getDeadLetterSuffix();
		String positions = listener.getPositionStreamPrefix();
		factory.setStreamFilter((stream) -> !stream.endsWith(suffix) && !stream.startsWith(positions));
		factory.setReconnectBackOff(reconnectBackOff(this.properties));
		factory.setObservationEnabled(this.properties.isObservationEnabled());
		factory.setObservationConvention(this.observationConvention);
		if (!this.customizers.isEmpty()) {
			factory.setContainerCustomizer(
					(container) -> this.customizers.forEach((customizer) -> customizer.configure(container)));
		}
	}

	/**
	 * The back-off of opening a stream's session when S2 cannot be reached (open sessions
	 * follow the client's session retry policy, made of the same properties):
	 * {@code s2.base-delay} doubling up to {@code s2.max-delay} with jitter,
	 * {@code s2.max-retries} times (without limit for -1).
	 * @param properties the properties
	 * @return the back-off
	 */
	static BackOff reconnectBackOff(S2Properties properties) {
		ExponentialBackOff backOff = new ExponentialBackOff(properties.getBaseDelay().toMillis(), 2.0);
		backOff.setMaxInterval(properties.getMaxDelay().toMillis());
		backOff.setJitter(properties.getBaseDelay().toMillis() / 2);
		if (properties.getMaxRetries() >= 0) {
			backOff.setMaxAttempts(properties.getMaxRetries());
		}
		return backOff;
	}

	/**
	 * The error handler that {@code s2.listener.error.*} describes.
	 * @param error the properties
	 * @param recoverer publishes to dead-letter streams
	 * @return the error handler
	 */
	static DefaultS2ErrorHandler errorHandler(S2Properties.Listener.Error error, DeadLetterStreamRecoverer recoverer) {
		ExponentialBackOff backOff = new ExponentialBackOff(error.getDelay().toMillis(), error.getMultiplier());
		backOff.setMaxInterval(error.getMaxDelay().toMillis());
		backOff.setMaxAttempts(error.getMaxAttempts() - 1);
		return new DefaultS2ErrorHandler(backOff, error.isDeadLetter() ? recoverer : null);
	}

}
