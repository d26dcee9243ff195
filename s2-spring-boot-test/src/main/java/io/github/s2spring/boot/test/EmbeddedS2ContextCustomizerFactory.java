package io.github.s2spring.boot.test;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Creates an {@link EmbeddedS2ContextCustomizer} for test classes annotated with
 * {@link EmbeddedS2}. Registered in {@code META-INF/spring.factories}.
 */
class EmbeddedS2ContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		EmbeddedS2 annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass, EmbeddedS2.class);
		return (annotation != null) ? new EmbeddedS2ContextCustomizer(annotation) : null;
	}

}
