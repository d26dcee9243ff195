package io.github.s2spring.client.control;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.springframework.http.HttpMethod;

import io.github.s2spring.client.S2Exception;
import io.github.s2spring.client.control.model.AccountMetricSet;
import io.github.s2spring.client.control.model.BasinMetricSet;
import io.github.s2spring.client.control.model.Metric;
import io.github.s2spring.client.control.model.MetricsQuery;
import io.github.s2spring.client.control.model.StreamMetricSet;
import io.github.s2spring.client.control.model.WireValue;
import io.github.s2spring.protocol.limits.Names;

/**
 * Usage metrics of an account, a basin or a stream. Every operation exists blocking and
 * as {@code ...Async}; failures are {@link S2Exception}s.
 */
public final class MetricsClient {

	private final ControlTransport transport;

	MetricsClient(ControlTransport transport) {
		this.transport = transport;
	}

	/**
	 * A metric set of the account.
	 * @param set the set
	 * @param query the period and interval
	 * @return the metrics of the set
	 */
	public List<Metric> account(AccountMetricSet set, MetricsQuery query) {
		return accountCall(set, query).run(this.transport);
	}

	/**
	 * A metric set of the account, asynchronously.
	 * @param set the set
	 * @param query the period and interval
	 * @return the metrics of the set
	 */
	public CompletableFuture<List<Metric>> accountAsync(AccountMetricSet set, MetricsQuery query) {
		return accountCall(set, query).runAsync(this.transport);
	}

	/**
	 * A metric set of a basin.
	 * @param basin the basin name
	 * @param set the set
	 * @param query the period and interval
	 * @return the metrics of the set
	 */
	public List<Metric> basin(String basin, BasinMetricSet set, MetricsQuery query) {
		return basinCall(basin, set, query).run(this.transport);
	}

	/**
	 * A metric set of a basin, asynchronously.
	 * @param basin the basin name
	 * @param set the set
	 * @param query the period and interval
	 * @return the metrics of the set
	 */
	public CompletableFuture<List<Metric>> basinAsync(String basin, BasinMetricSet set, MetricsQuery query) {
		return basinCall(basin, set, query).runAsync(this.transport);
	}

	/**
	 * A metric set of a stream.
	 * @param basin the basin name
	 * @param stream the stream name
	 * @param set the set
	 * @param query the period and interval
	 * @return the metrics of the set
	 */
	public List<Metric> stream(String basin, String stream, StreamMetricSet set, MetricsQuery query) {
		return streamCall(basin, stream, set, query).run(this.transport);
	}

	/**
	 * A metric set of a stream, asynchronously.
	 * @param basin the basin name
	 * @param stream the stream name
	 * @param set the set
	 * @param query the period and interval
	 * @return the metrics of the set
	 */
	public CompletableFuture<List<Metric>> streamAsync(String basin, String stream, StreamMetricSet set,
			MetricsQuery query) {
		return streamCall(basin, stream, set, query).runAsync(this.transport);
	}

	private Call<List<Metric>> accountCall(AccountMetricSet set, MetricsQuery query) {
		return call("account metrics " + set.wireValue(), metrics(), set, query);
	}

	private Call<List<Metric>> basinCall(String basin, BasinMetricSet set, MetricsQuery query) {
		return call("basin metrics " + set.wireValue() + " of \"" + basin + "\"",
				metrics().segment(Names.requireBasinName(basin)), set, query);
	}

	private Call<List<Metric>> streamCall(String basin, String stream, StreamMetricSet set, MetricsQuery query) {
		return call("stream metrics " + set.wireValue() + " of \"" + basin + "/" + stream + "\"",
				metrics().segment(Names.requireBasinName(basin)).segment(Names.requireStreamName(stream)), set, query);
	}

	private Call<List<Metric>> call(String operation, Uris uri, WireValue set, MetricsQuery query) {
		uri.query("set", set.wireValue())
			.query("start", (query.start() != null) ? query.start().getEpochSecond() : null)
			.query("end", (query.end() != null) ? query.end().getEpochSecond() : null)
			.query("interval", (query.interval() != null) ? query.interval().wireValue() : null);
		ControlRequest http = new ControlRequest(operation, HttpMethod.GET, uri.build(), Map.of(), null);
		return new Call<>(http, (response) -> MetricJson.readMetricSet(response.json()));
	}

	private Uris metrics() {
		return Uris.on(this.transport.config().endpoints().account()).path("metrics");
	}

}
