package io.github.s2spring.client.control.model;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.client.error.ValidationException;

/**
 * The period and resolution of a metrics request. Times are sent as whole seconds since
 * the Unix epoch.
 *
 * @param start the start of the period; S2 requires it (a request without it is refused
 * with a 422), {@code null} only leaves it out
 * @param end the end of the period, at most 30 days after the start; S2 requires it, as
 * the start
 * @param interval the bucket width, or {@code null} for the set's default
 */
public record MetricsQuery(@Nullable Instant start, @Nullable Instant end, @Nullable TimeseriesInterval interval) {

	private static final long MAX_EPOCH_SECONDS = 0xFFFF_FFFFL;

	/**
	 * Creates a query, checking the period.
	 * @param start the start
	 * @param end the end
	 * @param interval the interval
	 */
	public MetricsQuery {
		requireEpochSeconds("metrics start", start);
		requireEpochSeconds("metrics end", end);
		if (start != null && end != null && start.isAfter(end)) {
			throw new ValidationException("metrics period", start + ".." + end, "start must not be after end");
		}
	}

	/**
	 * The period that ends now (to the second) and began {@code period} ago, with the
	 * set's default interval.
	 * @param period how far back the period starts
	 * @return the query
	 */
	public static MetricsQuery last(Duration period) {
		if (period.isNegative()) {
			throw new ValidationException("metrics period", period, "must not be negative");
		}
		Instant end = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		return new MetricsQuery(end.minus(period), end, null);
	}

	/**
	 * A period with the set's default interval.
	 * @param start the start
	 * @param end the end
	 * @return the query
	 */
	public static MetricsQuery between(Instant start, Instant end) {
		return new MetricsQuery(start, end, null);
	}

	/**
	 * This query with a bucket width.
	 * @param interval the interval
	 * @return the new query
	 */
	public MetricsQuery withInterval(@Nullable TimeseriesInterval interval) {
		return new MetricsQuery(this.start, this.end, interval);
	}

	private static void requireEpochSeconds(String rule, @Nullable Instant time) {
		if (time != null && (time.getEpochSecond() < 0 || time.getEpochSecond() > MAX_EPOCH_SECONDS)) {
			throw new ValidationException(rule, time, "must be between 1970-01-01T00:00:00Z and 2106-02-07T06:28:15Z");
		}
	}

}
