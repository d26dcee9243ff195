package io.github.s2spring.boot.autoconfigure;

import java.time.Duration;
import java.util.Map;

import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.util.ReflectionTestUtils;

import io.github.s2spring.client.S2Client;
import io.github.s2spring.core.S2AppenderOptions;
import io.github.s2spring.core.S2AppenderRegistry;
import io.github.s2spring.core.S2Operations;
import io.github.s2spring.core.S2StreamDeclaration;
import io.github.s2spring.core.S2Template;
import io.github.s2spring.embedded.S2EmbeddedServer;
import io.github.s2spring.observation.DefaultS2TemplateObservationConvention;
import io.github.s2spring.observation.S2SenderContext;
import io.github.s2spring.observation.S2TemplateObservationConvention;
import io.github.s2spring.support.DefaultS2MessageConverter;
import io.github.s2spring.support.S2MessageConverter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The template, its appenders and its converter, from properties and beans.
 */
class S2TemplateAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(S2EmbeddedAutoConfiguration.class, S2AutoConfiguration.class))
		.withClassLoader(new FilteredClassLoader(S2EmbeddedServer.class))
		.withPropertyValues("s2.base-url=http://localhost:4243", "s2.basin=my-basin-1");

	@Test
	void templateSendsToTheDefaultBasin() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(S2Template.class)
				.hasSingleBean(S2AppenderRegistry.class)
				.hasSingleBean(DefaultS2MessageConverter.class);
			assertThat(context.getBean(S2Operations.class).getBasin()).isEqualTo("my-basin-1");
		});
	}

	@Test
	void appenderOptionsComeFromProperties() {
		this.runner
			.withPropertyValues("s2.max-queue-size=42", "s2.template.linger=5ms", "s2.template.idle-timeout=2m",
					"s2.template.create-streams=true", "s2.template.close-timeout=3s")
			.run((context) -> assertThat(context.getBean(S2AppenderRegistry.class).getOptions())
				.isEqualTo(new S2AppenderOptions(42, Duration.ofMillis(5), Duration.ofMinutes(2), true,
						Duration.ofSeconds(3))));
	}

	@Test
	void defaultsMatchTheDocumentedOnes() {
		this.runner.run((context) -> assertThat(context.getBean(S2AppenderRegistry.class).getOptions())
			.isEqualTo(S2AppenderOptions.defaults()));
	}

	@Test
	void converterUsesTheApplicationsJsonMapper() {
		JsonMapper mapper = JsonMapper.builder().build();
		this.runner.withBean(JsonMapper.class, () -> mapper)
			.run((context) -> assertThat(
					ReflectionTestUtils.getField(context.getBean(DefaultS2MessageConverter.class), "jsonMapper"))
				.isSameAs(mapper));
	}

	@Test
	void applicationConverterReplacesTheDefault() {
		S2MessageConverter mine = new S2MessageConverter() {

			@Override
			public byte[] toBytes(Object payload, Map<String, String> headers) {
				return new byte[] { 1 };
			}

			@Override
			public Object fromBytes(byte[] bytes, Map<String, String> headers, java.lang.reflect.Type targetType) {
				return bytes;
			}

		};
		this.runner.withBean(S2MessageConverter.class, () -> mine).run((context) -> {
			assertThat(context).doesNotHaveBean(DefaultS2MessageConverter.class);
			assertThat(ReflectionTestUtils.getField(context.getBean(S2Template.class), "converter")).isSameAs(mine);
		});
	}

	@Test
	void applicationOperationsReplaceTheTemplate() {
		this.runner.withUserConfiguration(OwnTemplate.class).run((context) -> {
			assertThat(context).hasSingleBean(S2Operations.class).hasBean("myOperations");
			assertThat(context.getBean(S2Operations.class).getBasin()).isEqualTo("other-basin");
		});
	}

	@Test
	void sendsAreObservedOnlyWhenEnabled() {
		ApplicationContextRunner embedded = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(S2EmbeddedAutoConfiguration.class, S2AutoConfiguration.class))
			.withBean(TestObservationRegistry.class, TestObservationRegistry::create)
			.withBean(S2StreamDeclaration.class, () -> S2StreamDeclaration.of("observed"));
		embedded.run((context) -> {
			context.getBean(S2Template.class).send("observed", "x").join();
			TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
				.doesNotHaveAnyObservation();
		});
		embedded.withPropertyValues("s2.observation-enabled=true")
			.withBean(S2TemplateObservationConvention.class, () -> new DefaultS2TemplateObservationConvention() {

				@Override
				public String getContextualName(S2SenderContext context) {
					return "custom " + context.getStream();
				}

			})
			.run((context) -> {
				context.getBean(S2Template.class).send("observed", "x").join();
				TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
				org.awaitility.Awaitility.await()
					.untilAsserted(() -> TestObservationRegistryAssert.assertThat(registry)
						.hasObservationWithNameEqualTo("s2.template")
						.that()
						.hasBeenStopped());
				TestObservationRegistryAssert.assertThat(registry)
					.hasObservationWithNameEqualTo("s2.template")
					.that()
					.hasContextualNameEqualTo("custom observed")
					.hasLowCardinalityKeyValue("s2.template.name", "s2Template")
					.hasLowCardinalityKeyValue("s2.basin", "s2-local");
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnTemplate {

		@Bean
		S2Template myOperations(S2Client client) {
			return new S2Template(client, "other-basin");
		}

	}

}
