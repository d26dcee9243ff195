package io.github.s2spring.client.control;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.s2spring.client.control.model.AccountMetricSet;
import io.github.s2spring.client.control.model.BasinMetricSet;
import io.github.s2spring.client.control.model.Metric;
import io.github.s2spring.client.control.model.MetricsQuery;
import io.github.s2spring.client.control.model.StreamMetricSet;
import io.github.s2spring.client.error.S2Exception;

/**
 * Usage metrics of an account, a basin or a stream. Every operation exists blocking and
 * as {@code ...Async}; failures are {@link S2Exception}s.
 */
public interface MetricsClient {

	/**
	 * A metric set of the account.
	 * @param set the set
	 * @param query the period and interval
	 * @return the metrics of the set
	 */
	List<Metric> account(AccountMetricSet set, MetricsQuery query);

	/**
	 * A metric set of the account, asynchronously.
	 * @param set the set
	 * @param query the period and interval
	 * @return the metrics of the set
	 */
	CompletableFuture<List<Metric>> accountAsync(AccountMetricSet set, MetricsQuery query);

	/**
	 * A metric set of a basin.
	 * @param basin the basin name
	 * @param set the set
	 * @param query the period and interval
	 * @return the metrics of the set
	 */
	List<Metric> basin(String basin, BasinMetricSet set, MetricsQuery query);

	/**
	 * A metric set of a basin, asynchronously.
	 * @param basin the basin name
	 * @param set the set
	 * @param query the period and interval
	 * @return the metrics of the set
	 */
	CompletableFuture<List<Metric>> basinAsync(String basin, BasinMetricSet set, MetricsQuery query);

	/**
	 * A metric set of a stream.
	 * @param basin the basin name
	 * @param stream the stream name
	 * @param set the set
	 * @param query the period and interval
	 * @return the metrics of the set
	 */
	List<Metric> stream(String basin, String stream, StreamMetricSet set, MetricsQuery query);

	/**
	 * A metric set of a stream, asynchronously.
	 * @param basin the basin name
	 * @param stream the stream name
	 * @param set the set
	 * @param query the period and interval
	 * @return the metrics of the set
	 */
	CompletableFuture<List<Metric>> streamAsync(String basin, String stream, StreamMetricSet set, MetricsQuery query);

}
