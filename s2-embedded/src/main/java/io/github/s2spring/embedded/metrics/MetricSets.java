package io.github.s2spring.embedded.metrics;

import java.util.List;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.github.s2spring.embedded.config.Json;
import io.github.s2spring.embedded.metrics.ServerMetrics.BasinCounter;
import io.github.s2spring.embedded.store.Basin;
import io.github.s2spring.embedded.store.Store;
import io.github.s2spring.embedded.store.Stream;

/**
 * Computes the metric sets of S2's metrics API ({@code {"values":[Metric,...]}}) from the
 * counters and from the store's current state. Time series leave out empty buckets;
 * storage is a gauge of the current stored bytes.
 */
public final class MetricSets {

	/** The sets of {@code GET /v1/metrics}. */
	public static final List<String> ACCOUNT_SETS = List.of("active-basins", "account-ops");

	/** The sets of {@code GET /v1/metrics/{basin}}. */
	public static final List<String> BASIN_SETS = List.of("storage", "append-ops", "read-ops", "read-throughput",
			"append-throughput", "basin-ops");

	/** The sets of {@code GET /v1/metrics/{basin}/{stream}}. */
	public static final List<String> STREAM_SETS = List.of("storage");

	private final Store store;

	private final ServerMetrics metrics;

	/**
	 * Creates the computation.
	 * @param store the basins and streams
	 * @param metrics the counters
	 */
	public MetricSets(Store store, ServerMetrics metrics) {
		this.store = store;
		this.metrics = metrics;
	}

	/**
	 * An account metric set.
	 * @param query the query, with a set of {@link #ACCOUNT_SETS}
	 * @return the response
	 */
	public ObjectNode account(MetricsQuery query) {
		ObjectNode response = Json.object();
		ArrayNode values = response.putArray("values");
		if (query.set().equals("active-basins")) {
			ObjectNode label = values.addObject().putObject("label");
			label.put("name", "active-basins");
			ArrayNode names = label.putArray("values");
			for (Basin basin : this.store.listBasins("", "", Integer.MAX_VALUE).items()) {
				if (basin.deletedAt() == null && !activeStreams(basin).isEmpty()) {
					names.add(basin.name());
				}
			}
		}
		else {
			values.add(accumulation("account-ops", "operations", query, this.metrics.accountOps()));
		}
		return response;
	}

	/**
	 * A basin metric set.
	 * @param basin the basin (active)
	 * @param query the query, with a set of {@link #BASIN_SETS}
	 * @return the response
	 */
	public ObjectNode basin(Basin basin, MetricsQuery query) {
		ObjectNode response = Json.object();
		ArrayNode values = response.putArray("values");
		String name = basin.name();
		switch (query.set()) {
			case "storage" -> {
				long bytes = 0;
				for (Stream stream : activeStreams(basin)) {
					bytes += storedBytes(stream);
				}
				values.add(gauge(query, 3600, bytes));
			}
			case "append-ops" -> values.add(accumulation("append-ops", "operations", query,
					this.metrics.series(name, BasinCounter.APPEND_OPS)));
			case "read-ops" -> values
				.add(accumulation("read-ops", "operations", query, this.metrics.series(name, BasinCounter.READ_OPS)));
			case "read-throughput" -> values.add(accumulation("read-throughput", "bytes", query,
					this.metrics.series(name, BasinCounter.READ_BYTES)));
			case "append-throughput" -> values.add(accumulation("append-throughput", "bytes", query,
					this.metrics.series(name, BasinCounter.APPEND_BYTES)));
			default -> values
				.add(accumulation("basin-ops", "operations", query, this.metrics.series(name, BasinCounter.BASIN_OPS)));
		}
		return response;
	}

	/**
	 * A stream metric set ({@code storage}).
	 * @param stream the stream (active)
	 * @param query the query
	 * @return the response
	 */
	public ObjectNode stream(Stream stream, MetricsQuery query) {
		ObjectNode response = Json.object();
		response.putArray("values").add(gauge(query, 60, storedBytes(stream)));
		return response;
	}

	private static List<Stream> activeStreams(Basin basin) {
		return basin.listStreams("", "", Integer.MAX_VALUE)
			.items()
			.stream()
			.filter((stream) -> stream.deletedAt() == null)
			.toList();
	}

	private static long storedBytes(Stream stream) {
		return stream.read(0, Integer.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE).meteredBytes();
	}

	private ObjectNode gauge(MetricsQuery query, long resolutionSecs, long bytes) {
		ObjectNode metric = Json.object();
		ObjectNode gauge = metric.putObject("gauge");
		gauge.put("name", "storage");
		gauge.put("unit", "bytes");
		ArrayNode points = gauge.putArray("values");
		long now = Math.floorDiv(this.metrics.clock().millis(), 1000L);
		long at = Math.floorDiv(now, resolutionSecs) * resolutionSecs;
		if (now >= query.start() && at <= query.end()) {
			points.addArray().add(at).add((double) bytes);
		}
		return metric;
	}

	private static ObjectNode accumulation(String name, String unit, MetricsQuery query, Series series) {
		ObjectNode metric = Json.object();
		ObjectNode accumulation = metric.putObject("accumulation");
		accumulation.put("name", name);
		accumulation.put("unit", unit);
		accumulation.put("interval", query.interval());
		ArrayNode points = accumulation.putArray("values");
		for (long[] bucket : series.buckets(query.start(), query.end(), query.intervalSecs())) {
			points.addArray().add(bucket[0]).add((double) bucket[1]);
		}
		return metric;
	}

}
