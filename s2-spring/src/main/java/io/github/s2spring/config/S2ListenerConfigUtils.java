package io.github.s2spring.config;

/**
 * The bean names of the listener infrastructure.
 */
public final class S2ListenerConfigUtils {

	/** The bean name of the {@code S2ListenerAnnotationBeanPostProcessor}. */
	public static final String S2_LISTENER_ANNOTATION_PROCESSOR_BEAN_NAME = "io.github.s2spring.config.internalS2ListenerAnnotationProcessor";

	/** The bean name of the {@link S2ListenerEndpointRegistry}. */
	public static final String S2_LISTENER_ENDPOINT_REGISTRY_BEAN_NAME = "io.github.s2spring.config.internalS2ListenerEndpointRegistry";

	/** The bean name of the default {@link S2ListenerContainerFactory}. */
	public static final String DEFAULT_CONTAINER_FACTORY_BEAN_NAME = "s2ListenerContainerFactory";

	private S2ListenerConfigUtils() {
	}

}
