package io.github.s2spring.client.config;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how patiently a failed request is retried: at most {@code maxAttempts}
 * attempts in total (the first included), with exponential backoff and jitter between
 * them. The delay before retry {@code n} (0-based) is {@code base + random(0, base)}
 * where {@code base = min(baseDelay * 2^n, maxDelay)}.
 *
 * @param maxAttempts total attempts including the first, at least 1
 * @param baseDelay the delay base of the first retry, positive
 * @param maxDelay the largest delay base, at least {@code baseDelay}
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

	/** The default: 3 attempts, 100 ms base delay, 1 s maximum delay base. */
	public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1));

	/** No retries: one attempt. */
	public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ofMillis(100), Duration.ofSeconds(1));

	public RetryPolicy {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
		}
		if (baseDelay.isNegative() || baseDelay.isZero()) {
			throw new IllegalArgumentException("baseDelay must be positive, got " + baseDelay);
		}
		if (maxDelay.compareTo(baseDelay) < 0) {
			throw new IllegalArgumentException(
					"maxDelay must be at least baseDelay (" + baseDelay + "), got " + maxDelay);
		}
	}

	/**
	 * The delay before a retry, with jitter.
	 * @param retry the 0-based index of the retry (0 is the delay after the first failed
	 * attempt)
	 * @return the delay
	 */
	public Duration backoff(int retry) {
		long base = baseMillis(retry);
		return Duration.ofMillis(base + ThreadLocalRandom.current().nextLong(base + 1));
	}

	/**
	 * The delay base before a retry, without jitter.
	 * @param retry the 0-based index of the retry
	 * @return the base in milliseconds
	 */
	public long baseMillis(int retry) {
		long max = this.maxDelay.toMillis();
		long base = this.baseDelay.toMillis();
		for (int i = 0; i < retry && base < max; i++) {
			base *= 2;
		}
		return Math.min(base, max);
	}

	/**
	 * Whether another attempt is allowed after this many attempts.
	 * @param attemptsMade the attempts made so far
	 * @return whether to try again
	 */
	public boolean allowsAnotherAttempt(int attemptsMade) {
		return attemptsMade < this.maxAttempts;
	}

}
