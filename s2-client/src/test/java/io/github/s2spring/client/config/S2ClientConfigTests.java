package io.github.s2spring.client.config;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import io.github.s2spring.protocol.s2s.Compression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class S2ClientConfigTests {

	@Test
	void defaultsMatchTheOfficialSdks() {
		S2ClientConfig config = S2ClientConfig.builder("secret-token").build();
		assertThat(config.endpoints()).isEqualTo(S2Endpoints.cloud());
		assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
		assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(5));
		assertThat(config.retryPolicy()).isEqualTo(RetryPolicy.DEFAULT);
		assertThat(config.retryPolicy().maxAttempts()).isEqualTo(3);
		assertThat(config.appendRetryPolicy()).isEqualTo(AppendRetryPolicy.ALL);
		assertThat(config.compression()).isEqualTo(Compression.NONE);
		assertThat(config.userAgent()).isEqualTo(S2ClientConfig.DEFAULT_USER_AGENT);
		assertThat(config.sendsAccessToken()).isTrue();
		assertThat(config.heartbeatTimeout()).isEqualTo(Duration.ofSeconds(20));
		assertThat(config.keepAliveInterval()).isEqualTo(Duration.ofSeconds(30));
		assertThat(config.maxStreamsPerConnection()).isEmpty();
		assertThat(config.toString()).contains("maxStreamsPerConnection=server");
		assertThat(config.accessToken()).isEqualTo("secret-token");
	}

	@Test
	void toStringNeverShowsTheAccessToken() {
		S2ClientConfig config = S2ClientConfig.builder("super-secret-token-42").build();
		assertThat(config.toString()).doesNotContain("super-secret-token-42").contains("<redacted>");
	}

	@Test
	void everySettingCanBeChangedAndCopied() {
		S2ClientConfig config = S2ClientConfig.builder("t")
			.endpoints("http://127.0.0.1:1", "http://127.0.0.1:2")
			.connectTimeout(Duration.ofSeconds(1))
			.requestTimeout(Duration.ofSeconds(2))
			.retryPolicy(RetryPolicy.NONE)
			.appendRetryPolicy(AppendRetryPolicy.NO_SIDE_EFFECTS)
			.compression(Compression.ZSTD)
			.userAgent("me/1")
			.heartbeatTimeout(Duration.ofMillis(500))
			.keepAliveInterval(Duration.ofSeconds(9))
			.maxStreamsPerConnection(7)
			.build();
		S2ClientConfig copy = config.toBuilder().build();
		assertThat(copy.toString()).isEqualTo(config.toString());
		assertThat(copy.endpoints().basin("abcdefgh").port()).isEqualTo(2);
		assertThat(copy.compression()).isEqualTo(Compression.ZSTD);
		assertThat(copy.appendRetryPolicy()).isEqualTo(AppendRetryPolicy.NO_SIDE_EFFECTS);
		assertThat(copy.maxStreamsPerConnection()).isEqualTo(OptionalInt.of(7));
		assertThat(copy.toString()).contains("maxStreamsPerConnection=7");
		assertThat(config.toBuilder().noMaxStreamsPerConnection().build().maxStreamsPerConnection()).isEmpty();
		assertThat(copy.heartbeatTimeout()).isEqualTo(Duration.ofMillis(500));
		assertThat(copy.keepAliveInterval()).isEqualTo(Duration.ofSeconds(9));
		assertThat(copy.userAgent()).isEqualTo("me/1");
		assertThat(copy.retryPolicy()).isEqualTo(RetryPolicy.NONE);
		assertThat(copy.connectTimeout()).isEqualTo(Duration.ofSeconds(1));
		assertThat(copy.requestTimeout()).isEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void environmentProvidesTokenAndEndpoints() {
		S2ClientConfig config = S2ClientConfig
			.fromEnvironment(Map.of("S2_ACCESS_TOKEN", " tok ", "S2_ACCOUNT_ENDPOINT", "http://localhost:8080",
					"S2_BASIN_ENDPOINT", "http://localhost:8081"))
			.build();
		assertThat(config.accessToken()).isEqualTo("tok");
		assertThat(config.endpoints().account().port()).isEqualTo(8080);
		assertThat(config.endpoints().basin("abcdefgh").port()).isEqualTo(8081);
		assertThat(config.endpoints().sendsBasinHeader()).isTrue();
	}

	@Test
	void environmentWithoutEndpointsUsesTheCloud() {
		S2ClientConfig config = S2ClientConfig.fromEnvironment(Map.of("S2_ACCESS_TOKEN", "tok")).build();
		assertThat(config.endpoints()).isEqualTo(S2Endpoints.cloud());
	}

	@Test
	void environmentWithoutTokenFailsNamingTheVariable() {
		assertThatIllegalStateException().isThrownBy(() -> S2ClientConfig.fromEnvironment(Map.of()))
			.withMessageContaining("S2_ACCESS_TOKEN");
		if (System.getenv("S2_ACCESS_TOKEN") == null) {
			assertThatIllegalStateException().isThrownBy(S2ClientConfig::fromEnvironment);
		}
	}

	@Test
	void invalidSettingsAreRejectedNamingTheSetting() {
		assertThatIllegalArgumentException().isThrownBy(() -> S2ClientConfig.builder("a\nb"))
			.withMessageNotContaining("a\nb");
		S2ClientConfig.Builder builder = S2ClientConfig.builder("t");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.connectTimeout(Duration.ZERO))
			.withMessageContaining("connectTimeout");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.requestTimeout(Duration.ofSeconds(-1)));
		assertThatIllegalArgumentException().isThrownBy(() -> builder.heartbeatTimeout(Duration.ZERO));
		assertThatIllegalArgumentException().isThrownBy(() -> builder.keepAliveInterval(Duration.ZERO));
		assertThatIllegalArgumentException().isThrownBy(() -> builder.maxStreamsPerConnection(0));
		assertThatIllegalArgumentException().isThrownBy(() -> builder.userAgent(""));
	}

	@Test
	void anEmptyOrBlankAccessTokenMeansNoneIsSent() {
		assertThat(S2ClientConfig.builder("").build().sendsAccessToken()).isFalse();
		assertThat(S2ClientConfig.builder(" ").build().sendsAccessToken()).isFalse();
		assertThat(S2ClientConfig.builder("").build().accessToken()).isEmpty();
	}

	@Test
	void defaultUserAgentCarriesTheProjectVersion() {
		String version = System.getProperty("project.version");
		assertThat(version).isNotBlank();
		assertThat(S2ClientConfig.DEFAULT_USER_AGENT).isEqualTo("s2-spring-java/" + version);
	}

	@Test
	void versionFallsBackWhenTheResourceIsMissingOrUnfiltered() {
		assertThat(ClientVersion.read(null)).isEqualTo("unknown");
		assertThat(ClientVersion.read(new java.io.ByteArrayInputStream("version=${project.version}".getBytes())))
			.isEqualTo("unknown");
		assertThat(ClientVersion.read(new java.io.ByteArrayInputStream("version=1.2.3".getBytes()))).isEqualTo("1.2.3");
	}

	@Test
	void retryPolicyBacksOffExponentiallyWithJitterUpToTheMaximum() {
		RetryPolicy policy = RetryPolicy.DEFAULT;
		assertThat(policy.baseMillis(0)).isEqualTo(100);
		assertThat(policy.baseMillis(1)).isEqualTo(200);
		assertThat(policy.baseMillis(3)).isEqualTo(800);
		assertThat(policy.baseMillis(4)).isEqualTo(1000);
		assertThat(policy.baseMillis(60)).isEqualTo(1000);
		for (int i = 0; i < 50; i++) {
			assertThat(policy.backoff(1).toMillis()).isBetween(0L, 200L);
		}
		assertThat(policy.allowsAnotherAttempt(2)).isTrue();
		assertThat(policy.allowsAnotherAttempt(3)).isFalse();
	}

	@Test
	void retryPolicyRejectsNonsense() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RetryPolicy(0, Duration.ofMillis(1), Duration.ofMillis(1)));
		assertThatIllegalArgumentException().isThrownBy(() -> new RetryPolicy(1, Duration.ZERO, Duration.ofMillis(1)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RetryPolicy(1, Duration.ofMillis(5), Duration.ofMillis(1)));
	}

}
