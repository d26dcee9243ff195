package io.github.s2spring.embedded.support;

/**
 * Query fragments for the time range every metrics request must carry.
 */
public final class MetricRanges {

	private MetricRanges() {
	}

	/**
	 * {@code &start=..&end=..} for the last day up to now.
	 * @return the query fragment
	 */
	public static String lastDay() {
		long now = System.currentTimeMillis() / 1000;
		return "&start=" + (now - 86_400) + "&end=" + now;
	}

}
