package io.github.s2spring.client.internal.control;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.springframework.http.HttpMethod;

import io.github.s2spring.client.control.MetricsClient;
import io.github.s2spring.client.control.model.AccountMetricSet;
import io.github.s2spring.client.control.model.BasinMetricSet;
import io.github.s2spring.client.control.model.Metric;
import io.github.s2spring.client.control.model.MetricsQuery;
import io.github.s2spring.client.control.model.StreamMetricSet;
import io.github.s2spring.client.control.model.WireValue;
import io.github.s2spring.client.error.ValidationException;
import io.github.s2spring.protocol.limits.Names;

/**
 * The {@link MetricsClient} of a client, over its {@link ControlTransport}.
 */
final class DefaultMetricsClient implements MetricsClient {

	private final ControlTransport transport;

	DefaultMetricsClient(ControlTransport transport) {
		this.transport = transport;
	}

	@Override
	public List<Metric> account(AccountMetricSet set, MetricsQuery query) {
		return accountCall(set, query).run(this.transport);
	}

	@Override
	public CompletableFuture<List<Metric>> accountAsync(AccountMetricSet set, MetricsQuery query) {
		return accountCall(set, query).runAsync(this.transport);
	}

	@Override
	public List<Metric> basin(String basin, BasinMetricSet set, MetricsQuery query) {
		return basinCall(basin, set, query).run(this.transport);
	}

	@Override
	public CompletableFuture<List<Metric>> basinAsync(String basin, BasinMetricSet set, MetricsQuery query) {
		return basinCall(basin, set, query).runAsync(this.transport);
	}

	@Override
	public List<Metric> stream(String basin, String stream, StreamMetricSet set, MetricsQuery query) {
		return streamCall(basin, stream, set, query).run(this.transport);
	}

	@Override
	public CompletableFuture<List<Metric>> streamAsync(String basin, String stream, StreamMetricSet set,
			MetricsQuery query) {
		return streamCall(basin, stream, set, query).runAsync(this.transport);
	}

	private Call<List<Metric>> accountCall(AccountMetricSet set, MetricsQuery query) {
		return call("account metrics " + set.wireValue(), metrics(), set, query);
	}

	private Call<List<Metric>> basinCall(String basin, BasinMetricSet set, MetricsQuery query) {
		return call("basin metrics " + set.wireValue() + " of \"" + basin + "\"",
				metrics().segment(ValidationException.check(() -> Names.requireBasinName(basin))), set, query);
	}

	private Call<List<Metric>> streamCall(String basin, String stream, StreamMetricSet set, MetricsQuery query) {
		return call("stream metrics " + set.wireValue() + " of \"" + basin + "/" + stream + "\"",
				metrics().segment(ValidationException.check(() -> Names.requireBasinName(basin)))
					.segment(ValidationException.check(() -> Names.requireStreamName(stream))),
				set, query);
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
