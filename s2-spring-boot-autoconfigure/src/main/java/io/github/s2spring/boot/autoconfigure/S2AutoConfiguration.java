package io.github.s2spring.boot.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import io.github.s2spring.client.S2Client;
import io.github.s2spring.client.config.S2ClientConfig;
import io.github.s2spring.core.S2Admin;
import io.github.s2spring.protocol.s2s.Compression;

/**
 * Auto-configuration of S2: the {@link S2Client} built from {@link S2ConnectionDetails}
 * and {@code s2.*}, and the {@link S2Admin} that declares basins and streams at startup.
 * Every bean backs off when the application defines its own.
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
			ObjectProvider<S2ClientConfigCustomizer> customizers) {
		return S2Client.create(clientConfig(connectionDetails, properties, customizers));
	}

	@Bean
	@ConditionalOnMissingBean
	S2Admin s2Admin(S2Client client, S2ConnectionDetails connectionDetails) {
		return new S2Admin(client, connectionDetails.getBasin());
	}

	static S2ClientConfig clientConfig(S2ConnectionDetails connectionDetails, S2Properties properties,
			ObjectProvider<S2ClientConfigCustomizer> customizers) {
		String token = connectionDetails.getAccessToken();
		S2ClientConfig.Builder builder = S2ClientConfig.builder((token != null) ? token : "")
			.endpoints(connectionDetails.getAccountEndpoint(), connectionDetails.getBasinEndpoint())
			.connectTimeout(properties.getConnectTimeout())
			.requestTimeout(properties.getRequestTimeout())
			.compression(compression(properties.getCompression()));
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

	private static Compression compression(S2Properties.Compression compression) {
		return switch (compression) {
			case NONE -> Compression.NONE;
			case GZIP -> Compression.GZIP;
			case ZSTD -> Compression.ZSTD;
		};
	}

}
