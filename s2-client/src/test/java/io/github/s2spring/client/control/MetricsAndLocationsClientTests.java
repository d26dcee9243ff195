package io.github.s2spring.client.control;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.github.s2spring.client.control.TestHttpServer.Recorded;
import io.github.s2spring.client.control.model.AccountMetricSet;
import io.github.s2spring.client.control.model.BasinMetricSet;
import io.github.s2spring.client.control.model.DataPoint;
import io.github.s2spring.client.control.model.LocationInfo;
import io.github.s2spring.client.control.model.Metric;
import io.github.s2spring.client.control.model.MetricUnit;
import io.github.s2spring.client.control.model.MetricsQuery;
import io.github.s2spring.client.control.model.StreamMetricSet;
import io.github.s2spring.client.control.model.TimeseriesInterval;
import io.github.s2spring.client.error.TransportException;
import io.github.s2spring.client.error.ValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MetricsAndLocationsClientTests extends ScriptedServerTests {

	private static final String ALL_SHAPES = "{\"values\":["
			+ "{\"scalar\":{\"name\":\"storage\",\"unit\":\"bytes\",\"value\":1024.5}},"
			+ "{\"accumulation\":{\"name\":\"append-ops\",\"unit\":\"operations\",\"interval\":\"hour\","
			+ "\"values\":[[1700000000,3],[1700003600,4.25]]}},"
			+ "{\"gauge\":{\"name\":\"storage\",\"unit\":\"bytes\",\"values\":[[1700000000,10]]}},"
			+ "{\"label\":{\"name\":\"active-basins\",\"values\":[\"a-basin-1\",\"b-basin-2\"]}}]}";

	private static final MetricsQuery HOUR = MetricsQuery.between(Instant.ofEpochSecond(1700000000),
			Instant.ofEpochSecond(1700003600));

	private static final String PERIOD = "&start=1700000000&end=1700003600";

	@Test
	void allFourMetricShapesAreRead() {
		this.server.reply(200, ALL_SHAPES);
		List<Metric> metrics = this.client.metrics()
			.account(AccountMetricSet.ACCOUNT_OPS,
					MetricsQuery.between(Instant.ofEpochSecond(1700000000), Instant.ofEpochSecond(1700086400))
						.withInterval(TimeseriesInterval.HOUR));
		assertThat(metrics).containsExactly(new Metric.Scalar("storage", MetricUnit.BYTES, 1024.5),
				new Metric.Accumulation("append-ops", MetricUnit.OPERATIONS, TimeseriesInterval.HOUR,
						List.of(new DataPoint(Instant.ofEpochSecond(1700000000), 3),
								new DataPoint(Instant.ofEpochSecond(1700003600), 4.25))),
				new Metric.Gauge("storage", MetricUnit.BYTES,
						List.of(new DataPoint(Instant.ofEpochSecond(1700000000), 10))),
				new Metric.Label("active-basins", List.of("a-basin-1", "b-basin-2")));
		assertThat(metrics).extracting(Metric::name)
			.containsExactly("storage", "append-ops", "storage", "active-basins");
		Recorded request = this.server.onlyRequest();
		assertThat(request.rawPath()).isEqualTo("/v1/metrics");
		assertThat(request.rawQuery()).isEqualTo("set=account-ops&start=1700000000&end=1700086400&interval=hour");
	}

	@Test
	void basinAndStreamMetricsEncodeTheirPath() throws Exception {
		this.server.reply(200, "{\"values\":[]}")
			.reply(200, "{\"values\":[]}")
			.reply(200, "{\"values\":[]}")
			.reply(200, "{\"values\":[]}")
			.reply(200, "{\"values\":[]}");
		assertThat(this.client.metrics().basin("my-basin-1", BasinMetricSet.READ_THROUGHPUT, HOUR)).isEmpty();
		assertThat(this.client.metrics().stream("my-basin-1", "chat/général x", StreamMetricSet.STORAGE, HOUR))
			.isEmpty();
		assertThat(this.client.metrics().accountAsync(AccountMetricSet.ACTIVE_BASINS, HOUR).get(10, TimeUnit.SECONDS))
			.isEmpty();
		assertThat(this.client.metrics()
			.basinAsync("my-basin-1", BasinMetricSet.BASIN_OPS, HOUR)
			.get(10, TimeUnit.SECONDS)).isEmpty();
		assertThat(this.client.metrics()
			.streamAsync("my-basin-1", "s", StreamMetricSet.STORAGE, HOUR)
			.get(10, TimeUnit.SECONDS)).isEmpty();
		assertThat(this.server.requests()).extracting((r) -> r.rawPath() + "?" + r.rawQuery())
			.containsExactly("/v1/metrics/my-basin-1?set=read-throughput" + PERIOD,
					"/v1/metrics/my-basin-1/chat%2Fg%C3%A9n%C3%A9ral%20x?set=storage" + PERIOD,
					"/v1/metrics?set=active-basins" + PERIOD, "/v1/metrics/my-basin-1?set=basin-ops" + PERIOD,
					"/v1/metrics/my-basin-1/s?set=storage" + PERIOD);
	}

	@Test
	void malformedMetricsAreProtocolErrors() {
		this.server.reply(200, "{\"values\":[{\"histogram\":{}}]}")
			.reply(200, "{\"values\":[{\"gauge\":{\"name\":\"g\",\"unit\":\"bytes\",\"values\":[[1]]}}]}")
			.reply(200, "{\"values\":[{\"scalar\":{\"name\":\"s\",\"unit\":\"parsecs\",\"value\":1}}]}")
			.reply(200, "{\"values\":[{\"scalar\":{\"name\":\"s\",\"unit\":\"bytes\"}}]}")
			.reply(200, "{\"values\":[{\"label\":{\"name\":\"l\",\"values\":[1]}}]}");
		for (String expected : List.of("not scalar, accumulation, gauge or label", "is not [seconds, value]",
				"unknown value \"parsecs\"", "scalar metric has no value", "label value 1 is not a string")) {
			assertThatExceptionOfType(TransportException.class)
				.isThrownBy(() -> this.client.metrics().account(AccountMetricSet.ACCOUNT_OPS, HOUR))
				.withMessageContaining(expected);
		}
	}

	@Test
	void aQueryOutsideTheEpochRangeOrBackwardsIsRejected() {
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> MetricsQuery.between(Instant.ofEpochSecond(-1), Instant.ofEpochSecond(1)))
			.withMessageContaining("metrics start");
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> MetricsQuery.between(Instant.ofEpochSecond(10), Instant.ofEpochSecond(5)))
			.withMessageContaining("start must not be after end");
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> MetricsQuery.between(Instant.ofEpochSecond(1), Instant.ofEpochSecond(1L << 33)))
			.withMessageContaining("metrics end");
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> MetricsQuery.last(Duration.ofSeconds(-1)))
			.withMessageContaining("metrics period");
	}

	@Test
	void theLastPeriodEndsNowToTheSecond() {
		Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		MetricsQuery query = MetricsQuery.last(Duration.ofHours(1));
		assertThat(query.end()).isBetween(before, Instant.now());
		assertThat(query.end().getNano()).isZero();
		assertThat(Duration.between(query.start(), query.end())).isEqualTo(Duration.ofHours(1));
		assertThat(query.interval()).isNull();
	}

	@Test
	void locationsListGetAndSetDefault() throws Exception {
		this.server
			.reply(200, "[{\"name\":\"aws:us-east-1\",\"is_private\":false},{\"name\":\"aws:x\",\"is_private\":true}]")
			.reply(200, "{\"locations\":[{\"name\":\"aws:us-east-1\"}]}")
			.reply(200, "{\"name\":\"aws:us-east-1\",\"is_private\":false}")
			.reply(200, "{\"name\":\"aws:us-west-2\",\"is_private\":false}")
			.reply(200, "{\"name\":\"aws:us-west-2\",\"is_private\":false}")
			.reply(200, "{\"name\":\"aws:us-west-2\",\"is_private\":false}");
		LocationsClient locations = this.client.locations();
		assertThat(locations.list()).containsExactly(new LocationInfo("aws:us-east-1", false),
				new LocationInfo("aws:x", true));
		assertThat(locations.listAsync().get(10, TimeUnit.SECONDS))
			.containsExactly(new LocationInfo("aws:us-east-1", false));
		assertThat(locations.getDefault()).isEqualTo(new LocationInfo("aws:us-east-1", false));
		assertThat(locations.setDefault("aws:us-west-2")).isEqualTo(new LocationInfo("aws:us-west-2", false));
		assertThat(locations.getDefaultAsync().get(10, TimeUnit.SECONDS).name()).isEqualTo("aws:us-west-2");
		assertThat(locations.setDefaultAsync("aws:us-west-2").get(10, TimeUnit.SECONDS).name())
			.isEqualTo("aws:us-west-2");
		assertThat(this.server.requests()).extracting((r) -> r.method() + " " + r.rawPath())
			.containsExactly("GET /v1/locations", "GET /v1/locations", "GET /v1/locations/default",
					"PUT /v1/locations/default", "GET /v1/locations/default", "PUT /v1/locations/default");
		assertThat(this.server.requests().get(3).body()).isEqualTo("\"aws:us-west-2\"");
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> locations.setDefault("aws us"))
			.withMessageContaining("\"aws us\"");
	}

}
