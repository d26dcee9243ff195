package io.github.s2spring.embedded.api;

import io.netty.handler.codec.http.HttpMethod;

import io.github.s2spring.embedded.error.ApiException;
import io.github.s2spring.embedded.http.Call;
import io.github.s2spring.embedded.http.Operation;
import io.github.s2spring.embedded.http.Router;
import io.github.s2spring.embedded.metrics.MetricSet.Level;
import io.github.s2spring.embedded.metrics.MetricSets;
import io.github.s2spring.embedded.metrics.MetricsQuery;
import io.github.s2spring.embedded.metrics.ServerMetrics;
import io.github.s2spring.embedded.store.Store;
import io.github.s2spring.protocol.error.ErrorCode;
import io.github.s2spring.protocol.limits.Names;
import io.github.s2spring.protocol.limits.ValidationException;

/**
 * The metrics routes of the account endpoint: account, basin and stream metric sets.
 */
public final class MetricsEndpoints {

	private final ServerMetrics metrics;

	private final MetricSets sets;

	/**
	 * Creates the endpoints.
	 * @param store the basins and streams
	 * @param metrics the counters
	 */
	public MetricsEndpoints(Store store, ServerMetrics metrics) {
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

	private MetricsQuery query(Call call, Level level) {
		return MetricsQuery.parse(call.query(), level, Math.floorDiv(this.metrics.clock().millis(), 1000L));
	}

	private void account(Call call) {
		call.respondJson(200, this.sets.account(query(call, Level.ACCOUNT)));
	}

	private void basin(Call call) {
		String basin = Resources.basinName(call.param("basin"), ErrorCode.BAD_PATH);
		call.respondJson(200, this.sets.basin(basin, query(call, Level.BASIN)));
	}

	private void stream(Call call) {
		String basin = Resources.basinName(call.param("basin"), ErrorCode.BAD_PATH);
		String stream;
		try {
			stream = Names.requireStreamName(call.param("stream"));
		}
		catch (ValidationException ex) {
			throw ApiException.of(ErrorCode.INVALID, ex.getMessage());
		}
		call.respondJson(200, this.sets.stream(basin, stream, query(call, Level.STREAM)));
	}

}
