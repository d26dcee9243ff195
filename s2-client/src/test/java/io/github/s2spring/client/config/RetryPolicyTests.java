package io.github.s2spring.client.config;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Retry policies: limited or unlimited attempts, exponential backoff with full jitter,
 * and the defaults of unary calls and sessions.
 */
class RetryPolicyTests {

	static LongStream seeds() {
		long base = System.nanoTime();
		return LongStream.range(0, 20).map((i) -> base + i * 7919);
	}

	@ParameterizedTest
	@MethodSource("seeds")
	void fullJitterDrawsEveryDelayBetweenZeroAndTheExponentialCap(long seed) {
		RetryPolicy policy = RetryPolicy.unlimited(Duration.ofMillis(500), Duration.ofSeconds(30));
		Random random = new Random(seed);
		long[] caps = { 500, 1000, 2000, 4000, 8000, 16000, 30000, 30000 };
		long below = 0;
		for (int round = 0; round < 200; round++) {
			for (int retry = 0; retry < caps.length; retry++) {
				long delay = policy.backoff(retry, random).toMillis();
				assertThat(delay).as("seed %d, retry %d", seed, retry).isBetween(0L, caps[retry]);
				if (delay < caps[retry] / 2) {
					below++;
				}
			}
		}
		assertThat(below).as("seed %d: about half the delays fall in the lower half of their range", seed)
			.isBetween(600L, 1000L);
		assertThat(policy.backoff(1_000_000, random).toMillis()).as("seed %d", seed).isBetween(0L, 30_000L);
	}

	@Test
	void unlimitedPoliciesAlwaysAllowAnotherAttempt() {
		RetryPolicy policy = RetryPolicy.unlimited(Duration.ofMillis(1), Duration.ofMillis(2));
		assertThat(policy.isUnlimited()).isTrue();
		assertThat(policy.maxAttempts()).isEqualTo(RetryPolicy.UNLIMITED);
		assertThat(policy.allowsAnotherAttempt(Integer.MAX_VALUE)).isTrue();
		assertThat(RetryPolicy.DEFAULT.isUnlimited()).isFalse();
		assertThat(RetryPolicy.DEFAULT.allowsAnotherAttempt(3)).isFalse();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RetryPolicy(-2, Duration.ofMillis(1), Duration.ofMillis(1)));
	}

	@Test
	void sessionsRetryWithoutLimitByDefaultAndUnaryCallsThreeTimes() {
		S2ClientConfig config = S2ClientConfig.builder("t").build();
		assertThat(config.retryPolicy()).isEqualTo(new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1)));
		assertThat(config.sessionRetryPolicy())
			.isEqualTo(RetryPolicy.unlimited(Duration.ofMillis(500), Duration.ofSeconds(30)));
		assertThat(config.deliveryExecutor()).isNull();
		Executor direct = Runnable::run;
		S2ClientConfig custom = config.toBuilder()
			.sessionRetryPolicy(RetryPolicy.NONE)
			.deliveryExecutor(direct)
			.build()
			.toBuilder()
			.build();
		assertThat(custom.sessionRetryPolicy()).isEqualTo(RetryPolicy.NONE);
		assertThat(custom.deliveryExecutor()).isSameAs(direct);
		assertThat(custom.toString()).contains("sessionRetryPolicy=RetryPolicy[maxAttempts=1");
	}

}
