package io.github.s2spring.boot.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

import io.github.s2spring.client.S2Client;
import io.github.s2spring.client.config.RetryPolicy;
import io.github.s2spring.client.config.S2ClientConfig;
import io.github.s2spring.client.control.model.CreateBasinRequest;
import io.github.s2spring.core.S2Admin;
import io.github.s2spring.embedded.S2EmbeddedServer;
import io.github.s2spring.protocol.s2s.Compression;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each condition and property of {@link S2AutoConfiguration}, with s2-embedded hidden so
 * that no embedded server gets in the way.
 */
class S2AutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(S2EmbeddedAutoConfiguration.class, S2AutoConfiguration.class))
		.withClassLoader(new FilteredClassLoader(S2EmbeddedServer.class));

	@Test
	void baseUrlPointsBothPlanesAtOneServer() {
		this.runner.withPropertyValues("s2.base-url=http://localhost:4243", "s2.basin=my-basin-1").run((context) -> {
			assertThat(context).hasSingleBean(S2Client.class).hasSingleBean(S2Admin.class);
			S2ClientConfig config = context.getBean(S2Client.class).config();
			assertThat(config.endpoints().accountSpec()).isEqualTo("http://localhost:4243");
			assertThat(config.endpoints().basinSpec()).isEqualTo("http://localhost:4243");
			assertThat(config.endpoints().sendsBasinHeader()).isTrue();
			assertThat(config.accessToken()).isEmpty();
			assertThat(context.getBean(S2Admin.class).getDefaultBasin()).isEqualTo("my-basin-1");
		});
	}

	@Test
	void tokenAloneMeansTheS2Cloud() {
		this.runner.withPropertyValues("s2.token=secret-token").run((context) -> {
			S2ClientConfig config = context.getBean(S2Client.class).config();
			assertThat(config.endpoints().accountSpec()).isEqualTo("https://a.s2.dev/v1");
			assertThat(config.endpoints().basinSpec()).isEqualTo("https://{basin}.b.s2.dev/v1");
			assertThat(config.endpoints().sendsBasinHeader()).isFalse();
			assertThat(config.accessToken()).isEqualTo("secret-token");
		});
	}

	@Test
	void planeEndpointsOverrideTheBaseUrl() {
		this.runner
			.withPropertyValues("s2.base-url=http://localhost:4243", "s2.account-endpoint=https://account.example.com",
					"s2.basin-endpoint=https://{basin}.basins.example.com/v1")
			.run((context) -> {
				S2ClientConfig config = context.getBean(S2Client.class).config();
				assertThat(config.endpoints().accountSpec()).isEqualTo("https://account.example.com");
				assertThat(config.endpoints().basinSpec()).isEqualTo("https://{basin}.basins.example.com/v1");
			});
	}

	@Test
	void timeoutsAndCompressionComeFromProperties() {
		this.runner
			.withPropertyValues("s2.base-url=http://localhost:4243", "s2.connect-timeout=7s", "s2.request-timeout=11s",
					"s2.compression=zstd")
			.run((context) -> {
				S2ClientConfig config = context.getBean(S2Client.class).config();
				assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(7));
				assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(11));
				assertThat(config.compression()).isEqualTo(Compression.ZSTD);
			});
	}

	@Test
	void sessionsRetryForeverByDefaultWithTheConfiguredBackoff() {
		this.runner.withPropertyValues("s2.base-url=http://localhost:4243").run((context) -> {
			RetryPolicy policy = context.getBean(S2Client.class).config().sessionRetryPolicy();
			assertThat(policy.isUnlimited()).isTrue();
			assertThat(policy.baseDelay()).isEqualTo(Duration.ofMillis(500));
			assertThat(policy.maxDelay()).isEqualTo(Duration.ofSeconds(30));
		});
		this.runner
			.withPropertyValues("s2.base-url=http://localhost:4243", "s2.max-retries=4", "s2.base-delay=50ms",
					"s2.max-delay=2s")
			.run((context) -> assertThat(context.getBean(S2Client.class).config().sessionRetryPolicy())
				.isEqualTo(new RetryPolicy(5, Duration.ofMillis(50), Duration.ofSeconds(2))));
	}

	@Test
	void controlPlaneGoesThroughTheApplicationsRestClientBuilder() {
		List<String> seen = new CopyOnWriteArrayList<>();
		RestClient.Builder builder = RestClient.builder().requestInterceptor((request, body, execution) -> {
			seen.add(request.getMethod() + " " + request.getURI().getPath() + " "
					+ request.getHeaders().getFirst(HttpHeaders.USER_AGENT));
			return execution.execute(request, body);
		});
		try (S2EmbeddedServer server = S2EmbeddedServer.builder().port(0).build().start()) {
			this.runner.withBean(RestClient.Builder.class, () -> builder)
				.withPropertyValues("s2.base-url=" + server.baseUrl())
				.run((context) -> {
					S2Client client = context.getBean(S2Client.class);
					assertThat(client.config().controlPlaneClient()).isSameAs(builder);
					client.basins().create(CreateBasinRequest.of("through-boot"));
					assertThat(seen).containsExactly("POST /v1/basins " + S2ClientConfig.DEFAULT_USER_AGENT);
				});
		}
	}

	@Test
	void withoutARestClientBuilderTheClientUsesItsOwn() {
		this.runner.withPropertyValues("s2.base-url=http://localhost:4243")
			.run((context) -> assertThat(context.getBean(S2Client.class).config().controlPlaneClient()).isNull());
	}

	@Test
	void customizersAdjustTheClientConfiguration() {
		this.runner.withPropertyValues("s2.base-url=http://localhost:4243")
			.withBean(S2ClientConfigCustomizer.class, () -> (builder) -> builder.userAgent("my-app/1.0"))
			.run((context) -> assertThat(context.getBean(S2Client.class).config().userAgent()).isEqualTo("my-app/1.0"));
	}

	@Test
	void connectionDetailsBeanWinsOverProperties() {
		this.runner.withPropertyValues("s2.base-url=http://localhost:4243")
			.withUserConfiguration(CustomConnectionDetails.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(S2ConnectionDetails.class)
					.doesNotHaveBean(PropertiesS2ConnectionDetails.class);
				S2ClientConfig config = context.getBean(S2Client.class).config();
				assertThat(config.endpoints().accountSpec()).isEqualTo("http://10.0.0.1:5555");
				assertThat(config.accessToken()).isEqualTo("from-details");
				assertThat(context.getBean(S2Admin.class).getDefaultBasin()).isEqualTo("details-basin");
			});
	}

	@Test
	void userClientAndAdminMakeTheAutoConfigurationBackOff() {
		this.runner.withPropertyValues("s2.base-url=http://localhost:4243")
			.withUserConfiguration(CustomClient.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(S2Client.class).hasBean("myClient").hasSingleBean(S2Admin.class);
				assertThat(context.getBean(S2Admin.class).getDefaultBasin()).isEqualTo("mine-basin");
			});
	}

	@Test
	void noConnectionAndNoEmbeddedServerFailsWithAnExplanation() {
		this.runner.run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(S2ConnectionNotConfiguredException.class)
				.hasMessageContaining("s2.base-url");
		});
	}

	@Test
	void blankTokenCountsAsUnset() {
		this.runner.withPropertyValues("s2.token=  ")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(S2ConnectionNotConfiguredException.class));
	}

	@Test
	void tokenIsNeverPrinted() {
		S2Properties properties = new S2Properties();
		properties.setToken("very-secret");
		assertThat(properties.toString()).doesNotContain("very-secret").contains("token=******");
	}

	@Test
	void invalidBaseUrlFailsNamingTheProperty() {
		assertInvalid("s2.base-url=ftp://example.com", "baseUrl", "http:// or https://");
		assertInvalid("s2.base-url=localhost", "baseUrl", "http:// or https://");
		assertInvalid("s2.basin-endpoint=not a url", "basinEndpoint", "http:// or https://");
	}

	@Test
	void invalidNumbersAndDurationsFailNamingTheProperty() {
		assertInvalid("s2.max-queue-size=0", "maxQueueSize", "at least 1");
		assertInvalid("s2.max-retries=-2", "maxRetries", "-1 (unlimited)");
		assertInvalid("s2.base-delay=0s", "baseDelay", "positive");
		assertInvalid("s2.max-delay=100ms", "maxDelay", "at least base-delay");
		assertInvalid("s2.connect-timeout=-1s", "connectTimeout", "positive");
		assertInvalid("s2.request-timeout=0s", "requestTimeout", "positive");
		assertInvalid("s2.template.linger=-5ms", "template.linger", "not be negative");
		assertInvalid("s2.template.idle-timeout=0s", "template.idleTimeout", "positive");
		assertInvalid("s2.template.close-timeout=-1s", "template.closeTimeout", "not be negative");
		assertInvalid("s2.embedded.port=70000", "embedded.port", "65535");
		assertInvalid("s2.health.timeout=0s", "health.timeout", "positive");
		assertInvalid("s2.health.max-details=-1", "health.maxDetails", "not be negative");
		assertInvalid("s2.metrics.refresh-interval=-1s", "metrics.refreshInterval", "not be negative");
	}

	@Test
	void invalidBasinNameFailsNamingTheProperty() {
		assertInvalid("s2.basin=Bad_Basin", "basin", "basin name");
	}

	private void assertInvalid(String property, String field, String reason) {
		InvalidProperties.assertInvalid(this.runner.withPropertyValues("s2.base-url=http://localhost:4243"), property,
				field, reason);
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomConnectionDetails {

		@Bean
		S2ConnectionDetails myConnectionDetails() {
			return new S2ConnectionDetails() {

				@Override
				public String getAccountEndpoint() {
					return "http://10.0.0.1:5555";
				}

				@Override
				public String getBasinEndpoint() {
					return "http://10.0.0.1:5555";
				}

				@Override
				public String getAccessToken() {
					return "from-details";
				}

				@Override
				public String getBasin() {
					return "details-basin";
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomClient {

		@Bean(destroyMethod = "close")
		S2Client myClient() {
			return S2Client
				.create(S2ClientConfig.builder("").endpoints("http://localhost:1", "http://localhost:1").build());
		}

		@Bean
		S2Admin myAdmin(S2Client client) {
			return new S2Admin(client, "mine-basin");
		}

	}

}
