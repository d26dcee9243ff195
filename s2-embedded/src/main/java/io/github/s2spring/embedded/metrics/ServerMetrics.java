package io.github.s2spring.embedded.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.embedded.http.Operation;
import io.github.s2spring.embedded.store.StoreClock;

/**
 * The counters of a running server: operations per account and per basin, appends and
 * reads per basin (operations and metered bytes), each kept per minute. The data plane
 * reports into it; the metrics API reads from it. Thread-safe.
 */
public final class ServerMetrics {

	private final StoreClock clock;

	private final Series accountOps = new Series();

	private final Map<String, Map<BasinCounter, Series>> basins = new ConcurrentHashMap<>();

	/**
	 * Creates empty counters.
	 * @param clock the clock that dates each count
	 */
	public ServerMetrics(StoreClock clock) {
		this.clock = clock;
	}

	/**
	 * The clock of the counters.
	 * @return the clock
	 */
	public StoreClock clock() {
		return this.clock;
	}

	/**
	 * Counts an authorized API operation.
	 * @param operation the operation
	 * @param basin the basin it concerns, or {@code null} for account-wide operations
	 */
	public void operation(Operation operation, @Nullable String basin) {
		long now = this.clock.millis();
		this.accountOps.add(now, 1);
		if (basin != null) {
			series(basin, BasinCounter.BASIN_OPS).add(now, 1);
			if (operation == Operation.READ) {
				series(basin, BasinCounter.READ_OPS).add(now, 1);
			}
		}
	}

	/**
	 * Counts an appended batch.
	 * @param basin the basin
	 * @param meteredBytes the batch's metered size
	 */
	public void appended(String basin, long meteredBytes) {
		long now = this.clock.millis();
		series(basin, BasinCounter.APPEND_OPS).add(now, 1);
		series(basin, BasinCounter.APPEND_BYTES).add(now, meteredBytes);
	}

	/**
	 * Counts records sent to a reader.
	 * @param basin the basin
	 * @param meteredBytes the records' metered size
	 */
	public void read(String basin, long meteredBytes) {
		if (meteredBytes > 0) {
			series(basin, BasinCounter.READ_BYTES).add(this.clock.millis(), meteredBytes);
		}
	}

	/**
	 * The account's operation counts.
	 * @return the series
	 */
	public Series accountOps() {
		return this.accountOps;
	}

	/**
	 * One counter of a basin, for reading: asking about a basin never seen keeps nothing.
	 * @param basin the basin
	 * @param counter the counter
	 * @return the series, or an empty one if nothing was counted
	 */
	public Series existingSeries(String basin, BasinCounter counter) {
		Map<BasinCounter, Series> counters = this.basins.get(basin);
		Series series = (counters != null) ? counters.get(counter) : null;
		return (series != null) ? series : new Series();
	}

	private Series series(String basin, BasinCounter counter) {
		return this.basins.computeIfAbsent(basin, (name) -> new ConcurrentHashMap<>())
			.computeIfAbsent(counter, (name) -> new Series());
	}

	/**
	 * The counters kept per basin.
	 */
	public enum BasinCounter {

		/** Append batches. */
		APPEND_OPS,

		/** Metered bytes appended. */
		APPEND_BYTES,

		/** Read requests and sessions. */
		READ_OPS,

		/** Metered bytes read. */
		READ_BYTES,

		/** Every operation on the basin. */
		BASIN_OPS

	}

}
