package io.github.s2spring.annotation;

import io.github.s2spring.config.S2ListenerEndpointRegistrar;

/**
 * Implemented by beans that configure listener registration: register endpoints
 * programmatically, set the default container factory or the handler-method factory.
 */
@FunctionalInterface
public interface S2ListenerConfigurer {

	/**
	 * Configures the registrar before the endpoints are registered.
	 * @param registrar the registrar
	 */
	void configureS2Listeners(S2ListenerEndpointRegistrar registrar);

}
