package io.github.s2spring.boot.autoconfigure;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.s2spring.boot.actuate.endpoint.S2Endpoint;
import io.github.s2spring.boot.health.S2HealthIndicator;
import io.github.s2spring.embedded.S2EmbeddedServer;
import io.github.s2spring.micrometer.S2Metrics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each condition and property of the meters, health and endpoint auto-configurations;
 * nothing connects to S2.
 */
class S2ObservabilityAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(S2EmbeddedAutoConfiguration.class, S2AutoConfiguration.class,
				S2ListenerAutoConfiguration.class, S2MetricsAutoConfiguration.class,
				S2HealthContributorAutoConfiguration.class, S2EndpointAutoConfiguration.class,
				HealthContributorAutoConfiguration.class, EndpointAutoConfiguration.class))
		.withClassLoader(new FilteredClassLoader(S2EmbeddedServer.class))
		.withPropertyValues("s2.base-url=http://localhost:4243", "s2.basin=app-basin");

	@Test
	void registersNoMetersWithoutAMeterRegistry() {
		this.runner.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(S2Metrics.class));
	}

	@Test
	void registersNoMetersWithoutMicrometer() {
		this.runner.withBean(SimpleMeterRegistry.class)
			.withClassLoader(new FilteredClassLoader(S2EmbeddedServer.class, MeterRegistry.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(S2Metrics.class));
	}

	@Test
	void bindsTheMetersToTheMeterRegistryWithoutStreamTagsByDefault() {
		this.runner.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class))
			.withBean(SimpleMeterRegistry.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(S2Metrics.class);
				S2Metrics metrics = context.getBean(S2Metrics.class);
				assertThat(metrics.isStreamTags()).isFalse();
				assertThat(metrics).extracting("refreshInterval").isEqualTo(Duration.ofSeconds(10));
				assertThat(metrics).extracting("bound")
					.asInstanceOf(InstanceOfAssertFactories.MAP)
					.containsOnlyKeys(context.getBean(SimpleMeterRegistry.class));
			});
	}

	@Test
	void tagsStreamsWhenAsked() {
		this.runner.withBean(SimpleMeterRegistry.class)
			.withPropertyValues("s2.metrics.stream-tag=true", "s2.metrics.refresh-interval=1s")
			.run((context) -> {
				S2Metrics metrics = context.getBean(S2Metrics.class);
				assertThat(metrics.isStreamTags()).isTrue();
				assertThat(metrics).extracting("refreshInterval").isEqualTo(Duration.ofSeconds(1));
			});
	}

	@Test
	void backsOffFromTheApplicationsMetersBinder() {
		S2Metrics own = new S2Metrics(List::of, null, true);
		this.runner.withBean(SimpleMeterRegistry.class)
			.withBean(S2Metrics.class, () -> own)
			.run((context) -> assertThat(context.getBean(S2Metrics.class)).isSameAs(own));
	}

	@Test
	void registersTheHealthIndicatorNamedS2() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(S2HealthIndicator.class);
			assertThat(context.getBeansOfType(HealthIndicator.class)).containsOnlyKeys("s2HealthIndicator",
					"pingHealthContributor");
			S2HealthIndicator indicator = context.getBean(S2HealthIndicator.class);
			assertThat(indicator).extracting("timeout").isEqualTo(Duration.ofSeconds(2));
			assertThat(indicator).extracting("maxDetails").isEqualTo(20);
			assertThat(indicator).extracting("basin").isEqualTo("app-basin");
		});
	}

	@Test
	void appliesTheHealthProperties() {
		this.runner.withPropertyValues("s2.health.timeout=250ms", "s2.health.max-details=3").run((context) -> {
			S2HealthIndicator indicator = context.getBean(S2HealthIndicator.class);
			assertThat(indicator).extracting("timeout").isEqualTo(Duration.ofMillis(250));
			assertThat(indicator).extracting("maxDetails").isEqualTo(3);
		});
	}

	@Test
	void turnsTheHealthIndicatorOffWithManagementHealthS2Enabled() {
		this.runner.withPropertyValues("management.health.s2.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(S2HealthIndicator.class));
	}

	@Test
	void turnsTheHealthIndicatorOffWithAllDefaultIndicators() {
		this.runner.withPropertyValues("management.health.defaults.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(S2HealthIndicator.class));
	}

	@Test
	void registersNoHealthIndicatorWithoutTheHealthModule() {
		this.runner.withClassLoader(new FilteredClassLoader(S2EmbeddedServer.class, HealthIndicator.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(S2HealthIndicator.class));
	}

	@Test
	void registersNoEndpointUnlessExposed() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(S2Endpoint.class));
	}

	@Test
	void registersTheEndpointWhenExposedOnTheWeb() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=s2")
			.run((context) -> assertThat(context).hasSingleBean(S2Endpoint.class));
	}

	@Test
	void registersNoEndpointWhenDisabled() {
		this.runner
			.withPropertyValues("management.endpoints.web.exposure.include=s2", "management.endpoint.s2.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(S2Endpoint.class));
	}

	@Test
	void registersNothingWithoutAnS2Client() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(S2MetricsAutoConfiguration.class,
					S2HealthContributorAutoConfiguration.class, S2EndpointAutoConfiguration.class))
			.withBean(SimpleMeterRegistry.class)
			.withPropertyValues("management.endpoints.web.exposure.include=s2")
			.run((context) -> assertThat(context).doesNotHaveBean(S2Metrics.class)
				.doesNotHaveBean(S2HealthIndicator.class)
				.doesNotHaveBean(S2Endpoint.class));
	}

}
