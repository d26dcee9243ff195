package io.github.s2spring.boot.autoconfigure;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestClient;

import io.github.s2spring.client.S2Client;
import io.github.s2spring.client.config.RetryPolicy;
import io.github.s2spring.client.config.S2ClientConfig;
import io.github.s2spring.core.S2Admin;
import io.github.s2spring.core.S2AppenderOptions;
import io.github.s2spring.core.S2AppenderRegistry;
import io.github.s2spring.core.S2Operations;
import io.github.s2spring.core.S2Template;
import io.github.s2spring.observation.S2TemplateObservationConvention;
import io.github.s2spring.support.DefaultS2MessageConverter;
import io.github.s2spring.support.S2MessageConverter;
import io.github.s2spring.protocol.s2s.Compression;

/**
 * Auto-configuration of S2: the {@link S2Client} built from {@link S2ConnectionDetails}
 * and {@code s2.*}, the {@link S2Template} with its per-stream appenders and message
 * converter (JSON with the application's Jackson {@link JsonMapper}), and the
 * {@link S2Admin} that declares basins and streams at startup. Every bean backs off when
 * the application defines its own.
 */
@AutoConfiguration
@ConditionalOnClass(S2Client.class)
@EnableConfigurationProperties(S2Properties.class)
public final class S2AutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(S2ConnectionDetails.class)
	PropertiesS2ConnectionDetails s2ConnectionDetails(S2Properties properties) {
		return new PropertiesS2ConnectionDetails(properties);
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	S2Client s2Client(S2ConnectionDetails connectionDetails, S2Properties properties,
			ObjectProvider<RestClient.Builder> restClientBuilder,
			ObjectProvider<S2ClientConfigCustomizer> customizers) {
		return S2Client.create(clientConfig(connectionDetails, properties, restClientBuilder, customizers));
	}

	@Bean
	@ConditionalOnMissingBean(S2MessageConverter.class)
	DefaultS2MessageConverter s2MessageConverter(ObjectProvider<JsonMapper> jsonMapper) {
		JsonMapper mapper = jsonMapper.getIfUnique();
		return (mapper != null) ? new DefaultS2MessageConverter(mapper) : new DefaultS2MessageConverter();
	}

	@Bean
	@ConditionalOnMissingBean
	S2AppenderRegistry s2AppenderRegistry(S2Client client, S2Properties properties) {
		S2Properties.Template template = properties.getTemplate();
		return new S2AppenderRegistry(client, new S2AppenderOptions(properties.getMaxQueueSize(), template.getLinger(),
				template.getIdleTimeout(), template.isCreateStreams(), template.getCloseTimeout()));
	}

	@Bean
	@ConditionalOnMissingBean(S2Operations.class)
	S2Template s2Template(S2Client client, S2AppenderRegistry appenders, S2MessageConverter converter,
			S2ConnectionDetails connectionDetails, S2Properties properties,
			ObjectProvider<S2TemplateObservationConvention> observationConvention) {
		S2Template template = new S2Template(client, appenders, converter, connectionDetails.getBasin());
		template.setObservationEnabled(properties.isObservationEnabled());
		observationConvention.ifUnique(template::setObservationConvention);
		return template;
	}

	@Bean
	@ConditionalOnMissingBean
	S2Admin s2Admin(S2Client client, S2ConnectionDetails connectionDetails) {
		return new S2Admin(client, connectionDetails.getBasin());
	}

	static S2ClientConfig clientConfig(S2ConnectionDetails connectionDetails, S2Properties properties,
			ObjectProvider<RestClient.Builder> restClientBuilder,
			ObjectProvider<S2ClientConfigCustomizer> customizers) {
		String token = connectionDetails.getAccessToken();
		S2ClientConfig.Builder builder = S2ClientConfig.builder((token != null) ? token : "")
			.endpoints(connectionDetails.getAccountEndpoint(), connectionDetails.getBasinEndpoint())
			.connectTimeout(properties.getConnectTimeout())
			.requestTimeout(properties.getRequestTimeout())
			.compression(compression(properties.getCompression()))
			.sessionRetryPolicy(sessionRetryPolicy(properties));
		// Boot's builder (spring-boot-restclient) brings its HTTP client settings, SSL
		// bundles and HTTP client observations to the control plane
		restClientBuilder.ifUnique(builder::controlPlaneClient);
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

	private static RetryPolicy sessionRetryPolicy(S2Properties properties) {
		if (properties.getMaxRetries() < 0) {
			return RetryPolicy.unlimited(properties.getBaseDelay(), properties.getMaxDelay());
		}
		return new RetryPolicy(properties.getMaxRetries() + 1, properties.getBaseDelay(), properties.getMaxDelay());
	}

	private static Compression compression(S2Properties.Compression compression) {
		return switch (compression) {
			case NONE -> Compression.NONE;
			case GZIP -> Compression.GZIP;
			case ZSTD -> Compression.ZSTD;
		};
	}

}
