package io.github.s2spring.annotation;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;

import io.github.s2spring.config.S2ListenerConfigUtils;
import io.github.s2spring.config.S2ListenerEndpointRegistry;

/**
 * Registers the {@link S2ListenerAnnotationBeanPostProcessor} and the
 * {@link S2ListenerEndpointRegistry} under their internal names, unless they are
 * registered already. Imported by {@link EnableS2}.
 */
public class S2BootstrapConfiguration implements ImportBeanDefinitionRegistrar {

	@Override
	public void registerBeanDefinitions(AnnotationMetadata importingClassMetadata, BeanDefinitionRegistry registry) {
		if (!registry.containsBeanDefinition(S2ListenerConfigUtils.S2_LISTENER_ANNOTATION_PROCESSOR_BEAN_NAME)) {
			RootBeanDefinition processor = new RootBeanDefinition(S2ListenerAnnotationBeanPostProcessor.class);
			processor.setRole(RootBeanDefinition.ROLE_INFRASTRUCTURE);
			registry.registerBeanDefinition(S2ListenerConfigUtils.S2_LISTENER_ANNOTATION_PROCESSOR_BEAN_NAME,
					processor);
		}
		if (!registry.containsBeanDefinition(S2ListenerConfigUtils.S2_LISTENER_ENDPOINT_REGISTRY_BEAN_NAME)) {
			RootBeanDefinition endpointRegistry = new RootBeanDefinition(S2ListenerEndpointRegistry.class);
			endpointRegistry.setRole(RootBeanDefinition.ROLE_INFRASTRUCTURE);
			registry.registerBeanDefinition(S2ListenerConfigUtils.S2_LISTENER_ENDPOINT_REGISTRY_BEAN_NAME,
					endpointRegistry);
		}
	}

}
