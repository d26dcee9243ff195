package io.github.s2spring.boot.test;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.GenericApplicationContext;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

import io.github.s2spring.embedded.S2EmbeddedServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Context caching and the server's life cycle.
 */
class EmbeddedS2ContextCustomizerTests {

	private final EmbeddedS2ContextCustomizerFactory factory = new EmbeddedS2ContextCustomizerFactory();

	@Test
	void equalAnnotationsGiveEqualCustomizersSoContextsAreShared() {
		ContextCustomizer first = this.factory.createContextCustomizer(Annotated.class, List.of());
		ContextCustomizer second = this.factory.createContextCustomizer(AlsoAnnotated.class, List.of());
		ContextCustomizer other = this.factory.createContextCustomizer(OtherBasin.class, List.of());
		assertThat(first).isEqualTo(second).hasSameHashCodeAs(second).isNotEqualTo(other);
	}

	@Test
	void classesWithoutTheAnnotationGetNoCustomizer() {
		assertThat(this.factory.createContextCustomizer(String.class, List.of())).isNull();
	}

	@Test
	void inheritedAnnotationApplies() {
		assertThat(this.factory.createContextCustomizer(Inheriting.class, List.of()))
			.isEqualTo(this.factory.createContextCustomizer(Annotated.class, List.of()));
	}

	@Test
	void serverStopsWithTheContext() {
		ContextCustomizer customizer = this.factory.createContextCustomizer(Annotated.class, List.of());
		S2EmbeddedServer server;
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			customizer.customizeContext(context, (MergedContextConfiguration) null);
			context.refresh();
			server = context.getBean(S2EmbeddedServer.class);
			assertThat(context.getEnvironment().getProperty("s2.base-url")).isEqualTo(server.baseUrl());
		}
		assertThatException().isThrownBy(() -> new java.net.Socket("127.0.0.1", server.port()).close());
	}

	@Test
	void propertyNamesCanBeChanged() {
		ContextCustomizer customizer = this.factory.createContextCustomizer(CustomProperties.class, List.of());
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			customizer.customizeContext(context, (MergedContextConfiguration) null);
			context.refresh();
			assertThat(context.getEnvironment().getProperty("my.s2.url"))
				.isEqualTo(context.getBean(S2EmbeddedServer.class).baseUrl());
			assertThat(context.getEnvironment().getProperty("my.s2.basin")).isEqualTo("test-basin");
			assertThat(context.getEnvironment().getProperty("s2.base-url")).isNull();
		}
	}

	@EmbeddedS2(streams = "a")
	static class Annotated {

	}

	@EmbeddedS2(streams = "a")
	static class AlsoAnnotated {

	}

	@EmbeddedS2(basin = "other-basin", streams = "a")
	static class OtherBasin {

	}

	static class Inheriting extends Annotated {

	}

	@EmbeddedS2(baseUrlProperty = "my.s2.url", basinProperty = "my.s2.basin")
	static class CustomProperties {

	}

}
