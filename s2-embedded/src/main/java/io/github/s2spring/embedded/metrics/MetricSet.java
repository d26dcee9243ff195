package io.github.s2spring.embedded.metrics;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The metric sets of S2's metrics API, each with the level it is asked for at and its
 * interval: the default of a time series (as S2 documents it), or the one interval a
 * storage gauge is kept at (a basin's per hour, a stream's per minute).
 */
public enum MetricSet {

	/** Basins that had a stream in the period ({@code GET /metrics}). */
	ACTIVE_BASINS("active-basins", Level.ACCOUNT, Interval.HOUR, false),

	/** Operations of the account per interval. */
	ACCOUNT_OPS("account-ops", Level.ACCOUNT, Interval.HOUR, false),

	/** Stored bytes of a basin, per hour ({@code GET /metrics/{basin}}). */
	BASIN_STORAGE("storage", Level.BASIN, Interval.HOUR, true),

	/** Append batches of a basin per interval. */
	APPEND_OPS("append-ops", Level.BASIN, Interval.MINUTE, false),

	/** Reads of a basin per interval. */
	READ_OPS("read-ops", Level.BASIN, Interval.MINUTE, false),

	/** Metered bytes read from a basin per interval. */
	READ_THROUGHPUT("read-throughput", Level.BASIN, Interval.MINUTE, false),

	/** Metered bytes appended to a basin per interval. */
	APPEND_THROUGHPUT("append-throughput", Level.BASIN, Interval.MINUTE, false),

	/** Operations on a basin per interval. */
	BASIN_OPS("basin-ops", Level.BASIN, Interval.HOUR, false),

	/** Stored bytes of a stream, per minute ({@code GET /metrics/{basin}/{stream}}). */
	STREAM_STORAGE("storage", Level.STREAM, Interval.MINUTE, true);

	private final String wireName;

	private final Level level;

	private final Interval interval;

	private final boolean fixedInterval;

	MetricSet(String wireName, Level level, Interval interval, boolean fixedInterval) {
		this.wireName = wireName;
		this.level = level;
		this.interval = interval;
		this.fixedInterval = fixedInterval;
	}

	/**
	 * The set's name in the {@code set} query parameter.
	 * @return the name
	 */
	public String wireName() {
		return this.wireName;
	}

	/**
	 * The interval used when the request names none.
	 * @return the interval
	 */
	public Interval defaultInterval() {
		return this.interval;
	}

	/**
	 * Whether the set is only available at its default interval.
	 * @return {@code true} for the storage gauges
	 */
	public boolean fixedInterval() {
		return this.fixedInterval;
	}

	/**
	 * The set of a level with a name.
	 * @param level the level of the route
	 * @param wireName the name asked for
	 * @return the set, or {@code null} if the level has none of that name
	 */
	public static @Nullable MetricSet of(Level level, String wireName) {
		for (MetricSet set : values()) {
			if (set.level == level && set.wireName.equals(wireName)) {
				return set;
			}
		}
		return null;
	}

	/**
	 * The names of a level's sets.
	 * @param level the level
	 * @return the names in API order
	 */
	public static List<String> names(Level level) {
		List<String> names = new ArrayList<>();
		for (MetricSet set : values()) {
			if (set.level == level) {
				names.add(set.wireName);
			}
		}
		return names;
	}

	/**
	 * What metrics are asked about: the account, a basin or a stream.
	 */
	public enum Level {

		/** {@code GET /metrics}. */
		ACCOUNT,

		/** {@code GET /metrics/{basin}}. */
		BASIN,

		/** {@code GET /metrics/{basin}/{stream}}. */
		STREAM

	}

	/**
	 * The width of a time series' buckets.
	 */
	public enum Interval {

		/** 60 seconds. */
		MINUTE(60),

		/** 3600 seconds. */
		HOUR(3600),

		/** 86400 seconds. */
		DAY(86_400);

		private final long seconds;

		Interval(long seconds) {
			this.seconds = seconds;
		}

		/**
		 * The width.
		 * @return seconds
		 */
		public long seconds() {
			return this.seconds;
		}

		/**
		 * The name in the {@code interval} query parameter and in responses.
		 * @return {@code minute}, {@code hour} or {@code day}
		 */
		public String wireName() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

		/**
		 * The interval of a name.
		 * @param wireName the name
		 * @return the interval, or {@code null} if unknown
		 */
		static @Nullable Interval of(String wireName) {
			for (Interval interval : values()) {
				if (interval.wireName().equals(wireName)) {
					return interval;
				}
			}
			return null;
		}

	}

}
