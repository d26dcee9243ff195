package io.github.s2spring.embedded.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A counter kept per minute, for the last {@value #RETAINED_MINUTES} minutes, summed into
 * buckets of any interval on demand. Thread-safe.
 */
public final class Series {

	/** How many minutes of history are kept (31 days). */
	static final long RETAINED_MINUTES = 31L * 24 * 60;

	private final ConcurrentSkipListMap<Long, LongAdder> minutes = new ConcurrentSkipListMap<>();

	/**
	 * Adds to the minute of a time.
	 * @param epochMillis the time, ms since the epoch
	 * @param amount the amount
	 */
	public void add(long epochMillis, long amount) {
		long minute = Math.floorDiv(epochMillis, 60_000L);
		this.minutes.computeIfAbsent(minute, (key) -> new LongAdder()).add(amount);
		Map.Entry<Long, LongAdder> first = this.minutes.firstEntry();
		if (first != null && first.getKey() < minute - RETAINED_MINUTES) {
			this.minutes.headMap(minute - RETAINED_MINUTES).clear();
		}
	}

	/**
	 * Sums the counts into buckets, leaving out empty ones.
	 * @param startSecs the first second wanted (inclusive)
	 * @param endSecs the last second wanted (inclusive)
	 * @param intervalSecs the bucket width: 60, 3600 or 86400
	 * @return {@code [bucket start second, sum]} pairs in time order
	 */
	public List<long[]> buckets(long startSecs, long endSecs, long intervalSecs) {
		List<long[]> buckets = new ArrayList<>();
		long firstMinute = Math.floorDiv(Math.floorDiv(startSecs, intervalSecs) * intervalSecs, 60L);
		for (Map.Entry<Long, LongAdder> entry : this.minutes.tailMap(firstMinute, true).entrySet()) {
			long second = entry.getKey() * 60;
			if (second > endSecs) {
				break;
			}
			long bucket = Math.floorDiv(second, intervalSecs) * intervalSecs;
			long value = entry.getValue().sum();
			if (!buckets.isEmpty() && buckets.get(buckets.size() - 1)[0] == bucket) {
				buckets.get(buckets.size() - 1)[1] += value;
			}
			else {
				buckets.add(new long[] { bucket, value });
			}
		}
		return buckets;
	}

}
