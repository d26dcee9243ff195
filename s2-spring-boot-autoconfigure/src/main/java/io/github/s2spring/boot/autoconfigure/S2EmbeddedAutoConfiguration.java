package io.github.s2spring.boot.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.log.LogAccessor;

import io.github.s2spring.core.S2BasinDeclaration;
import io.github.s2spring.embedded.S2EmbeddedServer;

/**
 * An embedded S2, as Boot starts an embedded database: when s2-embedded is on the class
 * path and the application configures no S2 connection (no {@code s2.base-url}, endpoint
 * or token, and no {@link S2ConnectionDetails} bean), an S2 server starts inside the
 * application on a loopback port, in memory (or in {@code s2.embedded.data-dir}), with
 * the default basin ({@code s2.basin}, else {@value #DEFAULT_BASIN}) created, and the
 * client points at it. It stops after everything that uses it.
 */
@AutoConfiguration(before = S2AutoConfiguration.class)
@ConditionalOnClass(S2EmbeddedServer.class)
@ConditionalOnBooleanProperty(name = "s2.embedded.enabled", matchIfMissing = true)
@Conditional(OnNoS2ConnectionCondition.class)
@ConditionalOnMissingBean(S2ConnectionDetails.class)
@EnableConfigurationProperties(S2Properties.class)
public final class S2EmbeddedAutoConfiguration {

	/** The default basin of an embedded S2 when {@code s2.basin} is not set. */
	public static final String DEFAULT_BASIN = "s2-local";

	private static final LogAccessor logger = new LogAccessor(S2EmbeddedAutoConfiguration.class);

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	S2EmbeddedServer s2EmbeddedServer(S2Properties properties) {
		S2Properties.Embedded embedded = properties.getEmbedded();
		S2EmbeddedServer server = S2EmbeddedServer.builder()
			.port(embedded.getPort())
			.dataDir(embedded.getDataDir())
			.build()
			.start();
		logger.info(() -> "Embedded S2 started at " + server.baseUrl() + " ("
				+ ((embedded.getDataDir() != null) ? "data in " + embedded.getDataDir() : "in memory") + ", basin '"
				+ basin(properties) + "'); set s2.base-url or s2.token to use another S2");
		return server;
	}

	@Bean
	EmbeddedS2ConnectionDetails s2ConnectionDetails(S2EmbeddedServer server, S2Properties properties) {
		return new EmbeddedS2ConnectionDetails(server.baseUrl(), basin(properties));
	}

	@Bean
	S2BasinDeclaration s2EmbeddedBasin(S2Properties properties) {
		return S2BasinDeclaration.of(basin(properties));
	}

	private static String basin(S2Properties properties) {
		String basin = properties.getBasin();
		return (basin != null) ? basin : DEFAULT_BASIN;
	}

	/**
	 * Connection details of the embedded S2: one endpoint, no token.
	 */
	static final class EmbeddedS2ConnectionDetails implements S2ConnectionDetails {

		private final String baseUrl;

		private final String basin;

		EmbeddedS2ConnectionDetails(String baseUrl, String basin) {
			this.baseUrl = baseUrl;
			this.basin = basin;
		}

		@Override
		public String getAccountEndpoint() {
			return this.baseUrl;
		}

		@Override
		public String getBasinEndpoint() {
			return this.baseUrl;
		}

		@Override
		public @Nullable String getAccessToken() {
			return null;
		}

		@Override
		public String getBasin() {
			return this.basin;
		}

	}

}
