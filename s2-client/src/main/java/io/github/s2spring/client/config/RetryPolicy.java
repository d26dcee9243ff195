package io.github.s2spring.client.config;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * How often and how patiently a failed request or session is retried: at most
 * {@code maxAttempts} attempts in total (the first included), or
 * {@linkplain #isUnlimited() without limit}, with exponential backoff and full jitter
 * between them. The delay before retry {@code n} (0-based) is a uniformly random duration
 * in {@code [0, min(maxDelay, baseDelay * 2^n)]}.
 * <p>
 * Unary calls use {@link #DEFAULT} (3 attempts, 100 ms base, 1 s cap, as the official
 * TypeScript SDK); append and read sessions use {@link #SESSION_DEFAULT} (unlimited, 500
 * ms base, 30 s cap, as the Elixir SDK), and a session counts its attempts from its last
 * successful connect.
 *
 * @param maxAttempts total attempts including the first, at least 1, or
 * {@link #UNLIMITED}
 * @param baseDelay the delay cap of the first retry, positive
 * @param maxDelay the largest delay cap, at least {@code baseDelay}
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

	/** The {@code maxAttempts} of a policy that retries without limit. */
	public static final int UNLIMITED = -1;

	/** The default of unary calls: 3 attempts, 100 ms base delay, 1 s maximum delay. */
	public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1));

	/**
	 * The default of sessions: unlimited attempts, 500 ms base delay, 30 s maximum delay.
	 */
	public static final RetryPolicy SESSION_DEFAULT = unlimited(Duration.ofMillis(500), Duration.ofSeconds(30));

	/** No retries: one attempt. */
	public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ofMillis(100), Duration.ofSeconds(1));

	public RetryPolicy {
		if (maxAttempts < 1 && maxAttempts != UNLIMITED) {
			throw new IllegalArgumentException("maxAttempts must be at least 1 (or UNLIMITED), got " + maxAttempts);
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
	 * A policy that retries without limit.
	 * @param baseDelay the delay cap of the first retry
	 * @param maxDelay the largest delay cap
	 * @return the policy
	 */
	public static RetryPolicy unlimited(Duration baseDelay, Duration maxDelay) {
		return new RetryPolicy(UNLIMITED, baseDelay, maxDelay);
	}

	/**
	 * Whether this policy retries without limit.
	 * @return whether {@code maxAttempts} is {@link #UNLIMITED}
	 */
	public boolean isUnlimited() {
		return this.maxAttempts == UNLIMITED;
	}

	/**
	 * The delay before a retry, with full jitter.
	 * @param retry the 0-based index of the retry (0 is the delay after the first failed
	 * attempt)
	 * @return the delay
	 */
	public Duration backoff(int retry) {
		return backoff(retry, ThreadLocalRandom.current());
	}

	/**
	 * The delay before a retry, with full jitter drawn from the given generator.
	 * @param retry the 0-based index of the retry
	 * @param random the source of jitter
	 * @return a delay between zero and {@link #baseMillis(int)}, both included
	 */
	public Duration backoff(int retry, RandomGenerator random) {
		return Duration.ofMillis(random.nextLong(baseMillis(retry) + 1));
	}

	/**
	 * The largest delay before a retry: {@code min(maxDelay, baseDelay * 2^retry)}.
	 * @param retry the 0-based index of the retry
	 * @return the cap in milliseconds
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
		return isUnlimited() || attemptsMade < this.maxAttempts;
	}

}
