package io.github.s2spring.embedded.metrics;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.embedded.error.ApiException;
import io.github.s2spring.embedded.http.QueryParams;
import io.github.s2spring.protocol.error.ErrorCode;

/**
 * The query of a metrics request: the set, the time range in epoch seconds (by default
 * the last day up to now) and the interval of time series (by default an hour).
 *
 * @param set the metric set name
 * @param start the first second (inclusive)
 * @param end the last second (inclusive)
 * @param interval {@code minute}, {@code hour} or {@code day}
 */
public record MetricsQuery(String set, long start, long end, String interval) {

	private static final long MAX_U32 = 0xFFFF_FFFFL;

	private static final long DAY_SECS = 86_400;

	/**
	 * Parses a query.
	 * @param query the query parameters
	 * @param allowedSets the sets of the route
	 * @param nowSecs the current time, epoch seconds
	 * @return the query
	 * @throws ApiException {@code bad_query} for a missing or unknown set, a time that is
	 * not a u32 or an unknown interval; {@code invalid} if start is after end
	 */
	public static MetricsQuery parse(QueryParams query, List<String> allowedSets, long nowSecs) {
		String set = query.string("set");
		if (set == null) {
			throw ApiException.of(ErrorCode.BAD_QUERY, "Invalid query string: missing field `set`");
		}
		if (!allowedSets.contains(set)) {
			throw ApiException.of(ErrorCode.BAD_QUERY,
					"Invalid query string: unknown `set` \"" + set + "\", expected one of " + allowedSets);
		}
		Long start = u32(query, "start");
		Long end = u32(query, "end");
		long resolvedEnd = (end != null) ? end : nowSecs;
		long resolvedStart = (start != null) ? start : Math.max(0, resolvedEnd - DAY_SECS);
		if (resolvedStart > resolvedEnd) {
			throw ApiException.of(ErrorCode.INVALID,
					"`start` (" + resolvedStart + ") must not be after `end` (" + resolvedEnd + ")");
		}
		String interval = query.string("interval", "hour");
		if (!List.of("minute", "hour", "day").contains(interval)) {
			throw ApiException.of(ErrorCode.BAD_QUERY,
					"Invalid query string: `interval` must be minute, hour or day, got \"" + interval + "\"");
		}
		return new MetricsQuery(set, resolvedStart, resolvedEnd, interval);
	}

	private static @Nullable Long u32(QueryParams query, String name) {
		Long value = query.unsigned(name);
		if (value != null && value > MAX_U32) {
			throw ApiException.of(ErrorCode.BAD_QUERY,
					"Invalid query string: `" + name + "` must be a u32 epoch second, got " + value);
		}
		return value;
	}

	/**
	 * The length of the interval.
	 * @return seconds
	 */
	public long intervalSecs() {
		return switch (this.interval) {
			case "minute" -> 60;
			case "day" -> DAY_SECS;
			default -> 3600;
		};
	}

}
