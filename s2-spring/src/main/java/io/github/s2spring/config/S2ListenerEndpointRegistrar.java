package io.github.s2spring.config;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.messaging.handler.annotation.support.MessageHandlerMethodFactory;

/**
 * Collects the endpoints to register and registers them with the
 * {@link S2ListenerEndpointRegistry} once every bean is created, resolving each
 * endpoint's container factory (its own, the registrar's, or the bean named
 * {@code s2ListenerContainerFactory}).
 */
public class S2ListenerEndpointRegistrar implements BeanFactoryAware, InitializingBean {

	private final List<Registration> registrations = new ArrayList<>();

	private @Nullable S2ListenerEndpointRegistry endpointRegistry;

	private @Nullable MessageHandlerMethodFactory messageHandlerMethodFactory;

	private @Nullable S2ListenerContainerFactory containerFactory;

	private String containerFactoryBeanName = S2ListenerConfigUtils.DEFAULT_CONTAINER_FACTORY_BEAN_NAME;

	private @Nullable BeanFactory beanFactory;

	private boolean startImmediately;

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	/**
	 * Sets the registry the endpoints are registered with.
	 * @param endpointRegistry the registry
	 */
	public void setEndpointRegistry(S2ListenerEndpointRegistry endpointRegistry) {
		this.endpointRegistry = endpointRegistry;
	}

	/**
	 * The registry.
	 * @return the registry, or {@code null} if not set yet
	 */
	public @Nullable S2ListenerEndpointRegistry getEndpointRegistry() {
		return this.endpointRegistry;
	}

	/**
	 * Sets the factory of invocable listener methods, for custom argument resolution.
	 * @param messageHandlerMethodFactory the factory
	 */
	public void setMessageHandlerMethodFactory(MessageHandlerMethodFactory messageHandlerMethodFactory) {
		this.messageHandlerMethodFactory = messageHandlerMethodFactory;
	}

	/**
	 * The factory of invocable listener methods set by the application.
	 * @return the factory, or {@code null}
	 */
	public @Nullable MessageHandlerMethodFactory getMessageHandlerMethodFactory() {
		return this.messageHandlerMethodFactory;
	}

	/**
	 * Sets the container factory of endpoints that name none.
	 * @param containerFactory the factory
	 */
	public void setContainerFactory(S2ListenerContainerFactory containerFactory) {
		this.containerFactory = containerFactory;
	}

	/**
	 * Sets the bean name of the container factory of endpoints that name none,
	 * {@code s2ListenerContainerFactory} by default.
	 * @param containerFactoryBeanName the bean name
	 */
	public void setContainerFactoryBeanName(String containerFactoryBeanName) {
		this.containerFactoryBeanName = containerFactoryBeanName;
	}

	/**
	 * Registers an endpoint with the default container factory.
	 * @param endpoint the endpoint
	 */
	public void registerEndpoint(S2ListenerEndpoint endpoint) {
		registerEndpoint(endpoint, null);
	}

	/**
	 * Registers an endpoint.
	 * @param endpoint the endpoint
	 * @param factory its container factory, or {@code null} for the default
	 */
	public void registerEndpoint(S2ListenerEndpoint endpoint, @Nullable S2ListenerContainerFactory factory) {
		if (endpoint.getId().isEmpty()) {
			throw new IllegalArgumentException("An endpoint needs an id: " + endpoint);
		}
		Registration registration = new Registration(endpoint, factory);
		synchronized (this.registrations) {
			if (this.startImmediately) {
				register(registration, true);
			}
			else {
				this.registrations.add(registration);
			}
		}
	}

	/**
	 * Registers the endpoints collected so far; later ones are registered (and started)
	 * at once.
	 */
	@Override
	public void afterPropertiesSet() {
		synchronized (this.registrations) {
			for (Registration registration : this.registrations) {
				register(registration, false);
			}
			this.registrations.clear();
			this.startImmediately = true;
		}
	}

	private void register(Registration registration, boolean start) {
		if (this.endpointRegistry == null) {
			throw new IllegalStateException("No endpoint registry set");
		}
		this.endpointRegistry.registerListenerContainer(registration.endpoint(), resolveFactory(registration), start);
	}

	private S2ListenerContainerFactory resolveFactory(Registration registration) {
		if (registration.factory() != null) {
			return registration.factory();
		}
		if (this.containerFactory != null) {
			return this.containerFactory;
		}
		if (this.beanFactory == null) {
			throw new IllegalStateException("No container factory for listener '" + registration.endpoint().getId()
					+ "' and no bean factory to find '" + this.containerFactoryBeanName + "' in");
		}
		try {
			this.containerFactory = this.beanFactory.getBean(this.containerFactoryBeanName,
					S2ListenerContainerFactory.class);
			return this.containerFactory;
		}
		catch (NoSuchBeanDefinitionException ex) {
			throw new IllegalStateException(
					"Listener '" + registration.endpoint().getId()
							+ "' needs an S2ListenerContainerFactory: define a bean named '"
							+ this.containerFactoryBeanName + "' or name one in @S2Listener(containerFactory = ...)",
					ex);
		}
	}

	private record Registration(S2ListenerEndpoint endpoint, @Nullable S2ListenerContainerFactory factory) {

	}

}
