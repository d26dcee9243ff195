package io.github.s2spring.embedded.metrics;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import io.github.s2spring.embedded.S2EmbeddedServer;
import io.github.s2spring.embedded.support.Http1;
import io.github.s2spring.embedded.support.MetricRanges;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsTests {

	S2EmbeddedServer server;

	Http1 http;

	@BeforeEach
	void start() {
		this.server = S2EmbeddedServer.builder().build().start();
		this.http = new Http1(this.server.baseUrl(), "metrics-basin-1");
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void countsAppendsReadsAndStorage() {
		assertThat(this.http.post("/v1/basins", "{\"basin\":\"metrics-basin-1\"}").status()).isEqualTo(201);
		assertThat(this.http.post("/v1/basins", "{\"basin\":\"metrics-idle-1\"}").status()).isEqualTo(201);
		assertThat(this.http.post("/v1/streams", "{\"stream\":\"m1\"}").status()).isEqualTo(201);
		// 2 records of 8 + 5 bytes, then 1 record of 8 + 3 bytes: 37 metered bytes.
		assertThat(this.http.post("/v1/streams/m1/records", "{\"records\":[{\"body\":\"hello\"},{\"body\":\"world\"}]}")
			.status()).isEqualTo(200);
		assertThat(this.http.post("/v1/streams/m1/records", "{\"records\":[{\"body\":\"abc\"}]}").status())
			.isEqualTo(200);
		assertThat(this.http.get("/v1/streams/m1/records?seq_num=0").json().path("records")).hasSize(3);
		Http1.Response sse = this.http.get("/v1/streams/m1/records?seq_num=1&count=2", "accept", "text/event-stream");
		assertThat(sse.body()).contains("event: batch");

		JsonNode basinOps = accumulation("/v1/metrics/metrics-basin-1?set=basin-ops&interval=day");
		assertThat(basinOps.path("name").asString()).isEqualTo("basin-ops");
		assertThat(basinOps.path("unit").asString()).isEqualTo("operations");
		assertThat(basinOps.path("interval").asString()).isEqualTo("day");
		// create stream, 2 appends, 2 reads, and this query
		assertThat(sum(basinOps, 86_400)).isEqualTo(6.0);
		assertThat(sum(accumulation("/v1/metrics/metrics-basin-1?set=append-ops&interval=minute"), 60)).isEqualTo(2.0);
		assertThat(sum(accumulation("/v1/metrics/metrics-basin-1?set=append-throughput"), 60)).isEqualTo(37.0);
		assertThat(sum(accumulation("/v1/metrics/metrics-basin-1?set=read-ops"), 60)).isEqualTo(2.0);
		// the unary read sent all 37 bytes, the SSE read the last two records (13 + 11)
		assertThat(sum(accumulation("/v1/metrics/metrics-basin-1?set=read-throughput"), 60)).isEqualTo(61.0);
		JsonNode ops = accumulation("/v1/metrics?set=account-ops&interval=day");
		assertThat(ops.path("unit").asString()).isEqualTo("operations");
		// 2 basins, 1 stream, 2 appends, 2 reads, 5 basin metric queries, this query
		assertThat(sum(ops, 86_400)).isEqualTo(13.0);

		JsonNode storage = this.http.get("/v1/metrics/metrics-basin-1?set=storage" + MetricRanges.lastDay())
			.json()
			.path("values")
			.get(0);
		assertThat(storage.path("gauge").path("name").asString()).isEqualTo("storage");
		assertThat(storage.path("gauge").path("unit").asString()).isEqualTo("bytes");
		assertThat(storage.path("gauge").path("values").get(0).get(0).asLong() % 3600).isZero();
		assertThat(storage.path("gauge").path("values").get(0).get(1).asDouble()).isEqualTo(37.0);
		JsonNode streamStorage = this.http
			.get("/v1/metrics/metrics-basin-1/m1?set=storage&interval=minute" + MetricRanges.lastDay())
			.json()
			.path("values")
			.get(0);
		assertThat(streamStorage.path("gauge").path("values").get(0).get(0).asLong() % 60).isZero();
		assertThat(streamStorage.path("gauge").path("values").get(0).get(1).asDouble()).isEqualTo(37.0);
		JsonNode active = this.http.get("/v1/metrics?set=active-basins" + MetricRanges.lastDay())
			.json()
			.path("values")
			.get(0)
			.path("label");
		assertThat(active.path("name").asString()).isEqualTo("active-basins");
		assertThat(active.path("values").toString()).isEqualTo("[\"metrics-basin-1\"]");

		JsonNode past = this.http.get("/v1/metrics/metrics-basin-1?set=append-ops&start=0&end=3600").json();
		assertThat(past.toString()).isEqualTo("{\"values\":[{\"accumulation\":{\"name\":\"append-ops\","
				+ "\"unit\":\"operations\",\"interval\":\"minute\",\"values\":[]}}]}");
		JsonNode pastStorage = this.http.get("/v1/metrics/metrics-basin-1/m1?set=storage&start=0&end=60").json();
		assertThat(pastStorage.path("values").get(0).path("gauge").path("values")).isEmpty();
	}

	@Test
	void timeSeriesUseEachSetsDefaultInterval() {
		String[][] cases = { { "/v1/metrics?set=account-ops", "hour" },
				{ "/v1/metrics/metrics-basin-1?set=append-ops", "minute" },
				{ "/v1/metrics/metrics-basin-1?set=read-ops", "minute" },
				{ "/v1/metrics/metrics-basin-1?set=read-throughput", "minute" },
				{ "/v1/metrics/metrics-basin-1?set=append-throughput", "minute" },
				{ "/v1/metrics/metrics-basin-1?set=basin-ops", "hour" } };
		for (String[] testCase : cases) {
			assertThat(accumulation(testCase[0]).path("interval").asString()).as(testCase[0]).isEqualTo(testCase[1]);
		}
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					no start          | /v1/metrics?set=active-basins&end=NOW                                | start and end params required
					no end            | /v1/metrics?set=active-basins&start=HOUR_AGO                         | start and end params required
					neither           | /v1/metrics/metrics-basin-1?set=storage                               | start and end params required
					end before start  | /v1/metrics?set=account-ops&start=NOW&end=HOUR_AGO                   | must not be after `end`
					end in 10 minutes | /v1/metrics/metrics-basin-1/m1?set=storage&start=HOUR_AGO&end=IN_10_MIN | seconds in the future
					40 days           | /v1/metrics/metrics-basin-1?set=append-ops&start=40_DAYS_AGO&end=NOW  | must not exceed 30 days
					basin storage per minute | /v1/metrics/metrics-basin-1?set=storage&interval=minute&start=HOUR_AGO&end=NOW | only available per hour
					basin storage per day | /v1/metrics/metrics-basin-1?set=storage&interval=day&start=HOUR_AGO&end=NOW | only available per hour
					stream storage per hour | /v1/metrics/metrics-basin-1/m1?set=storage&interval=hour&start=HOUR_AGO&end=NOW | only available per minute
					empty stream name | /v1/metrics/metrics-basin-1/?set=storage&start=HOUR_AGO&end=NOW     | stream name
					""")
	void refusesTheArgumentsTheCloudRefuses(String what, String path, String message) {
		long now = System.currentTimeMillis() / 1000;
		Http1.Response response = this.http.get(path.replace("40_DAYS_AGO", String.valueOf(now - 40 * 86_400))
			.replace("HOUR_AGO", String.valueOf(now - 3600))
			.replace("IN_10_MIN", String.valueOf(now + 600))
			.replace("NOW", String.valueOf(now)));
		assertThat(response.status()).as(response.body()).isEqualTo(422);
		assertThat(response.code()).isEqualTo("invalid");
		assertThat(response.json().path("message").asString()).contains(message);
	}

	@Test
	void acceptsTheEdgesOfTheRules() {
		long now = System.currentTimeMillis() / 1000;
		String[] paths = { "/v1/metrics?set=active-basins&start=" + now + "&end=" + now,
				"/v1/metrics?set=account-ops&start=" + (now - 30 * 86_400) + "&end=" + now,
				"/v1/metrics?set=account-ops&start=" + now + "&end=" + (now + 30),
				"/v1/metrics/metrics-basin-1?set=storage&interval=hour" + MetricRanges.lastDay(),
				"/v1/metrics/metrics-basin-1/m1?set=storage&interval=minute" + MetricRanges.lastDay(),
				"/v1/metrics/metrics-basin-1?set=append-ops&interval=day" + MetricRanges.lastDay() };
		for (String path : paths) {
			assertThat(this.http.get(path).status()).as(path).isEqualTo(200);
		}
	}

	@Test
	void aMissingBasinOrStreamHasNoData() {
		assertThat(this.http.post("/v1/basins", "{\"basin\":\"metrics-basin-1\"}").status()).isEqualTo(201);
		assertThat(this.http.get("/v1/metrics/no-such-basin?set=storage" + MetricRanges.lastDay()).body())
			.isEqualTo("{\"values\":[{\"gauge\":{\"name\":\"storage\",\"unit\":\"bytes\",\"values\":[]}}]}");
		assertThat(this.http.get("/v1/metrics/no-such-basin?set=append-ops" + MetricRanges.lastDay()).body())
			.isEqualTo("{\"values\":[{\"accumulation\":{\"name\":\"append-ops\",\"unit\":\"operations\","
					+ "\"interval\":\"minute\",\"values\":[]}}]}");
		for (String path : new String[] { "/v1/metrics/metrics-basin-1/nope?set=storage",
				"/v1/metrics/no-such-basin/nope?set=storage" }) {
			JsonNode gauge = this.http.get(path + MetricRanges.lastDay()).json().path("values").get(0).path("gauge");
			assertThat(gauge.path("values")).as(path).isEmpty();
		}
	}

	@Test
	void rejectsBadQueriesAndPaths() {
		assertThat(this.http.post("/v1/basins", "{\"basin\":\"metrics-basin-1\"}").status()).isEqualTo(201);
		assertThat(this.http.post("/v1/streams", "{\"stream\":\"m1\"}").status()).isEqualTo(201);
		String range = MetricRanges.lastDay();
		String[][] cases = { { "/v1/metrics", "bad_query" }, { "/v1/metrics?set=storage" + range, "bad_query" },
				{ "/v1/metrics/metrics-basin-1?set=active-basins" + range, "bad_query" },
				{ "/v1/metrics/metrics-basin-1/m1?set=append-ops" + range, "bad_query" },
				{ "/v1/metrics?set=account-ops&start=abc", "bad_query" },
				{ "/v1/metrics?set=account-ops&end=4294967296", "bad_query" },
				{ "/v1/metrics?set=account-ops&interval=week" + range, "bad_query" },
				{ "/v1/metrics/BAD?set=storage" + range, "bad_path" } };
		List<String> codes = new ArrayList<>();
		for (String[] testCase : cases) {
			codes.add(this.http.get(testCase[0]).code());
		}
		assertThat(codes).containsExactly(java.util.Arrays.stream(cases).map((c) -> c[1]).toArray(String[]::new));
		assertThat(this.http.get("/v1/metrics?set=account-ops&start=abc").status()).isEqualTo(400);
	}

	@Test
	void bucketsCountsByInterval() {
		Series series = new Series();
		series.add(0, 1);
		series.add(59_999, 2);
		series.add(60_000, 4);
		series.add(3_600_000, 8);
		assertThat(series.buckets(0, 7200, 60)).containsExactly(new long[] { 0, 3 }, new long[] { 60, 4 },
				new long[] { 3600, 8 });
		assertThat(series.buckets(0, 7200, 3600)).containsExactly(new long[] { 0, 7 }, new long[] { 3600, 8 });
		assertThat(series.buckets(61, 3599, 60)).containsExactly(new long[] { 60, 4 });
		series.add((Series.RETAINED_MINUTES + 2) * 60_000, 1);
		assertThat(series.buckets(0, 7200, 86_400)).containsExactly(new long[] { 0, 8 });
	}

	private JsonNode accumulation(String path) {
		Http1.Response response = this.http.get(path + MetricRanges.lastDay());
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().path("values").get(0).path("accumulation");
	}

	private static double sum(JsonNode accumulation, long interval) {
		double sum = 0;
		for (JsonNode point : accumulation.path("values")) {
			assertThat(point.get(0).asLong() % interval).isZero();
			sum += point.get(1).asDouble();
		}
		return sum;
	}

}
