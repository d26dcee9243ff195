package io.github.s2spring.config;

import io.github.s2spring.listener.S2ListenerContainer;

/**
 * Changes each container a factory creates, after the factory configured it.
 */
@FunctionalInterface
public interface S2ContainerCustomizer {

	/**
	 * Customizes a container.
	 * @param container the container, not started yet
	 */
	void configure(S2ListenerContainer container);

}
