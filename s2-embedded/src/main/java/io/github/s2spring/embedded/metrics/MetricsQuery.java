package io.github.s2spring.embedded.metrics;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.embedded.error.ApiException;
import io.github.s2spring.embedded.http.QueryParams;
import io.github.s2spring.embedded.metrics.MetricSet.Interval;
import io.github.s2spring.embedded.metrics.MetricSet.Level;
import io.github.s2spring.protocol.error.ErrorCode;

/**
 * The query of a metrics request, checked as the S2 cloud checks it: the set, a time
 * range in epoch seconds that must be given, ordered, end no more than
 * {@value #MAX_FUTURE_SECS} seconds ahead and at most 30 days long, and the interval of
 * time series (each set's default when absent; a storage gauge only at its own).
 *
 * @param set the metric set
 * @param start the first second (inclusive)
 * @param end the last second
 * @param interval the width of time series buckets
 */
public record MetricsQuery(MetricSet set, long start, long end, Interval interval) {

	/** How far in the future {@code end} may be. */
	static final long MAX_FUTURE_SECS = 60;

	/** The longest time range. */
	static final long MAX_RANGE_SECS = 30L * 86_400;

	private static final long MAX_U32 = 0xFFFF_FFFFL;

	/**
	 * Parses and checks a query.
	 * @param query the query parameters
	 * @param level the level of the route
	 * @param nowSecs the current time, epoch seconds
	 * @return the query
	 * @throws ApiException {@code bad_query} for a missing or unknown set, a time that is
	 * not a u32 or an unknown interval; {@code invalid} for a missing, reversed, future
	 * or too long range and for a storage interval other than the set's own
	 */
	public static MetricsQuery parse(QueryParams query, Level level, long nowSecs) {
		String name = query.string("set");
		if (name == null) {
			throw ApiException.of(ErrorCode.BAD_QUERY, "Invalid query string: missing field `set`");
		}
		MetricSet set = MetricSet.of(level, name);
		if (set == null) {
			throw ApiException.of(ErrorCode.BAD_QUERY,
					"Invalid query string: unknown `set` \"" + name + "\", expected one of " + MetricSet.names(level));
		}
		Long start = u32(query, "start");
		Long end = u32(query, "end");
		Interval interval = interval(query);
		if (start == null || end == null) {
			throw invalid("start and end params required");
		}
		if (start > end) {
			throw invalid("`start` (" + start + ") must not be after `end` (" + end + ")");
		}
		if (end > nowSecs + MAX_FUTURE_SECS) {
			throw invalid("`end` (" + end + ") must not be more than " + MAX_FUTURE_SECS
					+ " seconds in the future (now " + nowSecs + ")");
		}
		if (end - start > MAX_RANGE_SECS) {
			throw invalid("time range must not exceed 30 days, got " + (end - start) + " seconds");
		}
		if (interval != null && set.fixedInterval() && interval != set.defaultInterval()) {
			throw invalid("`" + set.wireName() + "` is only available per " + set.defaultInterval().wireName()
					+ " at this level, got `interval=" + interval.wireName() + "`");
		}
		return new MetricsQuery(set, start, end, (interval != null) ? interval : set.defaultInterval());
	}

	private static @Nullable Long u32(QueryParams query, String name) {
		Long value = query.unsigned(name);
		if (value != null && value > MAX_U32) {
			throw ApiException.of(ErrorCode.BAD_QUERY,
					"Invalid query string: `" + name + "` must be a u32 epoch second, got " + value);
		}
		return value;
	}

	private static @Nullable Interval interval(QueryParams query) {
		String name = query.string("interval");
		if (name == null) {
			return null;
		}
		Interval interval = Interval.of(name);
		if (interval == null) {
			throw ApiException.of(ErrorCode.BAD_QUERY,
					"Invalid query string: `interval` must be minute, hour or day, got \"" + name + "\"");
		}
		return interval;
	}

	private static ApiException invalid(String message) {
		return ApiException.of(ErrorCode.INVALID, message);
	}

}
