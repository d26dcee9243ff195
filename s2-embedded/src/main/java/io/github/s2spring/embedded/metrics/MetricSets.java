package io.github.s2spring.embedded.metrics;

import java.util.List;

import org.jspecify.annotations.Nullable;
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
 * storage is a gauge of the current stored bytes. As in the S2 cloud, a basin or stream
 * that does not exist has no data rather than a 404.
 */
public final class MetricSets {

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
	 * @param query the query, with an account-level set
	 * @return the response
	 */
	public ObjectNode account(MetricsQuery query) {
		ObjectNode response = Json.object();
		ArrayNode values = response.putArray("values");
		if (query.set() == MetricSet.ACTIVE_BASINS) {
			ObjectNode label = values.addObject().putObject("label");
			label.put("name", MetricSet.ACTIVE_BASINS.wireName());
			ArrayNode names = label.putArray("values");
			for (Basin basin : this.store.listBasins("", "", Integer.MAX_VALUE).items()) {
				if (basin.deletedAt() == null && !activeStreams(basin).isEmpty()) {
					names.add(basin.name());
				}
			}
		}
		else {
			values.add(accumulation("operations", query, this.metrics.accountOps()));
		}
		return response;
	}

	/**
	 * A basin metric set.
	 * @param name the basin's name
	 * @param query the query, with a basin-level set
	 * @return the response
	 */
	public ObjectNode basin(String name, MetricsQuery query) {
		ObjectNode response = Json.object();
		ArrayNode values = response.putArray("values");
		switch (query.set()) {
			case BASIN_STORAGE -> {
				Basin basin = this.store.findBasin(name);
				Long bytes = null;
				if (basin != null) {
					bytes = 0L;
					for (Stream stream : activeStreams(basin)) {
						bytes += storedBytes(stream);
					}
				}
				values.add(gauge(query, bytes));
			}
			case APPEND_OPS -> values.add(accumulation("operations", query, series(name, BasinCounter.APPEND_OPS)));
			case READ_OPS -> values.add(accumulation("operations", query, series(name, BasinCounter.READ_OPS)));
			case READ_THROUGHPUT -> values.add(accumulation("bytes", query, series(name, BasinCounter.READ_BYTES)));
			case APPEND_THROUGHPUT -> values.add(accumulation("bytes", query, series(name, BasinCounter.APPEND_BYTES)));
			default -> values.add(accumulation("operations", query, series(name, BasinCounter.BASIN_OPS)));
		}
		return response;
	}

	/**
	 * A stream metric set ({@code storage}).
	 * @param basinName the basin's name
	 * @param streamName the stream's name
	 * @param query the query
	 * @return the response
	 */
	public ObjectNode stream(String basinName, String streamName, MetricsQuery query) {
		Basin basin = this.store.findBasin(basinName);
		Stream stream = (basin != null) ? basin.findStream(streamName) : null;
		ObjectNode response = Json.object();
		response.putArray("values").add(gauge(query, (stream != null) ? storedBytes(stream) : null));
		return response;
	}

	private Series series(String basin, BasinCounter counter) {
		return this.metrics.existingSeries(basin, counter);
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

	private ObjectNode gauge(MetricsQuery query, @Nullable Long bytes) {
		ObjectNode metric = Json.object();
		ObjectNode gauge = metric.putObject("gauge");
		gauge.put("name", "storage");
		gauge.put("unit", "bytes");
		ArrayNode points = gauge.putArray("values");
		long resolution = query.interval().seconds();
		long now = Math.floorDiv(this.metrics.clock().millis(), 1000L);
		long at = Math.floorDiv(now, resolution) * resolution;
		if (bytes != null && now >= query.start() && at <= query.end()) {
			points.addArray().add(at).add((double) bytes);
		}
		return metric;
	}

	private static ObjectNode accumulation(String unit, MetricsQuery query, Series series) {
		ObjectNode metric = Json.object();
		ObjectNode accumulation = metric.putObject("accumulation");
		accumulation.put("name", query.set().wireName());
		accumulation.put("unit", unit);
		accumulation.put("interval", query.interval().wireName());
		ArrayNode points = accumulation.putArray("values");
		for (long[] bucket : series.buckets(query.start(), query.end(), query.interval().seconds())) {
			points.addArray().add(bucket[0]).add((double) bucket[1]);
		}
		return metric;
	}

}
