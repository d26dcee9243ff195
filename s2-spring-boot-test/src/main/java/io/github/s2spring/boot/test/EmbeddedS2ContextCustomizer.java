package io.github.s2spring.boot.test;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

import io.github.s2spring.client.S2Client;
import io.github.s2spring.client.config.S2ClientConfig;
import io.github.s2spring.client.control.model.BasinConfig;
import io.github.s2spring.client.control.model.CreateBasinRequest;
import io.github.s2spring.client.control.model.CreateStreamRequest;
import io.github.s2spring.embedded.S2EmbeddedServer;

/**
 * Starts the embedded S2 of an {@link EmbeddedS2} test context before the context
 * refreshes, creates its basin and streams, puts the connection properties first in the
 * environment and registers the server as a bean that closes with the context. Equal for
 * equal annotations, so that Spring's test context cache shares contexts.
 */
final class EmbeddedS2ContextCustomizer implements ContextCustomizer {

	/** The bean name of the server. */
	static final String BEAN_NAME = "embeddedS2";

	private static final String PROPERTY_SOURCE_NAME = "embeddedS2";

	private final EmbeddedS2 annotation;

	EmbeddedS2ContextCustomizer(EmbeddedS2 annotation) {
		this.annotation = annotation;
	}

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		S2EmbeddedServer server = S2EmbeddedServer.builder().port(this.annotation.port()).build().start();
		try {
			provision(server);
		}
		catch (RuntimeException ex) {
			server.close();
			throw ex;
		}
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put(this.annotation.baseUrlProperty(), server.baseUrl());
		properties.put(this.annotation.basinProperty(), this.annotation.basin());
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
		RootBeanDefinition definition = new RootBeanDefinition(S2EmbeddedServer.class, () -> server);
		definition.setDestroyMethodName("close");
		((BeanDefinitionRegistry) context.getBeanFactory()).registerBeanDefinition(BEAN_NAME, definition);
	}

	private void provision(S2EmbeddedServer server) {
		S2ClientConfig config = S2ClientConfig.builder("").endpoints(server.baseUrl(), server.baseUrl()).build();
		try (S2Client client = S2Client.create(config)) {
			client.basins()
				.create(CreateBasinRequest.of(this.annotation.basin())
					.withConfig(BasinConfig.builder()
						.createStreamOnAppend(this.annotation.createStreamOnAppend())
						.build()));
			for (String stream : this.annotation.streams()) {
				client.basin(this.annotation.basin()).streams().create(CreateStreamRequest.of(stream));
			}
		}
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof EmbeddedS2ContextCustomizer that && this.annotation.equals(that.annotation);
	}

	@Override
	public int hashCode() {
		return this.annotation.hashCode();
	}

}
