package io.github.s2spring.embedded.api;

import java.util.List;

import io.netty.handler.codec.http.HttpMethod;

import io.github.s2spring.embedded.http.Call;
import io.github.s2spring.embedded.http.Operation;
import io.github.s2spring.embedded.http.Router;
import io.github.s2spring.embedded.metrics.MetricSets;
import io.github.s2spring.embedded.metrics.MetricsQuery;
import io.github.s2spring.embedded.metrics.ServerMetrics;
import io.github.s2spring.embedded.store.Basin;
import io.github.s2spring.embedded.store.Store;
import io.github.s2spring.protocol.error.ErrorCode;

/**
 * The metrics routes of the account endpoint: account, basin and stream metric sets.
 */
public final class MetricsEndpoints {

	private final Store store;

	private final ServerMetrics metrics;

	private final MetricSets sets;

	/**
	 * Creates the endpoints.
	 * @param store the basins and streams
	 * @param metrics the counters
	 */
	public MetricsEndpoints(Store store, ServerMetrics metrics) {
		this.store = store;
		this.metrics = metrics;
		this.sets = new MetricSets(store, metrics);
	}

	/**
	 * Adds the routes.
	 * @param router the router
	 */
	public void register(Router router) {
		router.add(HttpMethod.GET, "/v1/metrics", Operation.ACCOUNT_METRICS, this::account)
			.add(HttpMethod.GET, "/v1/metrics/{basin}", Operation.BASIN_METRICS, this::basin)
			.add(HttpMethod.GET, "/v1/metrics/{basin}/{stream}", Operation.STREAM_METRICS, this::stream);
	}

	private MetricsQuery query(Call call, List<String> sets) {
		return MetricsQuery.parse(call.query(), sets, Math.floorDiv(this.metrics.clock().millis(), 1000L));
	}

	private void account(Call call) {
		call.respondJson(200, this.sets.account(query(call, MetricSets.ACCOUNT_SETS)));
	}

	private void basin(Call call) {
		MetricsQuery query = query(call, MetricSets.BASIN_SETS);
		call.respondJson(200, this.sets.basin(basinOf(call), query));
	}

	private void stream(Call call) {
		MetricsQuery query = query(call, MetricSets.STREAM_SETS);
		Basin basin = basinOf(call);
		String stream = Resources.streamName(call.param("stream"), ErrorCode.BAD_PATH);
		call.respondJson(200, this.sets.stream(basin.stream(stream), query));
	}

	private Basin basinOf(Call call) {
		return this.store.basin(Resources.basinName(call.param("basin"), ErrorCode.BAD_PATH));
	}

}
