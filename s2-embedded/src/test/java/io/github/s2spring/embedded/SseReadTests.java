package io.github.s2spring.embedded;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.s2spring.embedded.support.Http1;

import static org.assertj.core.api.Assertions.assertThat;

class SseReadTests {

	static S2EmbeddedServer server;

	static Http1 http;

	static HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@BeforeAll
	static void start() {
		server = S2EmbeddedServer.builder().build().start();
		http = new Http1(server.baseUrl(), "sse-basin-1");
		assertThat(http.post("/v1/basins", "{\"basin\":\"sse-basin-1\"}").status()).isEqualTo(201);
		assertThat(http.post("/v1/streams", "{\"stream\":\"events\"}").status()).isEqualTo(201);
		StringBuilder records = new StringBuilder();
		for (int i = 0; i < 5; i++) {
			records.append((i > 0) ? "," : "").append("{\"body\":\"e").append(i).append("\"}");
		}
		assertThat(http.post("/v1/streams/events/records", "{\"records\":[" + records + "]}").status()).isEqualTo(200);
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	static Sse open(String query, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create(server.baseUrl() + "/v1/streams/events/records" + query))
			.header("accept", "text/event-stream")
			.header("s2-basin", "sse-basin-1")
			.timeout(Duration.ofSeconds(60));
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
		return new Sse(response);
	}

	@Test
	void streamsBatchesWithResumableIdsAndEndsWithDone() throws Exception {
		try (Sse sse = open("?seq_num=0&count=3")) {
			assertThat(sse.response.statusCode()).isEqualTo(200);
			assertThat(sse.response.headers().firstValue("content-type")).hasValue("text/event-stream");
			List<String> event = sse.next();
			assertThat(event).contains("event: batch", "id: 2,3,30");
			assertThat(event.get(2)).startsWith("data: {\"records\":[{\"seq_num\":0,");
			assertThat(sse.next()).containsExactly("data: [DONE]");
		}
	}

	@Test
	void resumesFromLastEventId() throws Exception {
		try (Sse sse = open("?seq_num=0&count=3", "last-event-id", "1,2,20")) {
			List<String> event = sse.next();
			assertThat(event).contains("id: 2,3,30");
			assertThat(event.get(2)).contains("\"seq_num\":2").doesNotContain("\"seq_num\":3");
			assertThat(sse.next()).containsExactly("data: [DONE]");
		}
		Http1.Response bad = http.get("/v1/streams/events/records?seq_num=0", "accept", "text/event-stream",
				"last-event-id", "x,y");
		assertThat(bad.code()).isEqualTo("bad_header");
		assertThat(http
			.get("/v1/streams/events/records?seq_num=0", "accept", "text/event-stream", "last-event-id", "1,a,2")
			.code()).isEqualTo("bad_header");
	}

	@Test
	void pingsAtTheTailAndFollowsNewRecords() throws Exception {
		try (Sse sse = open("?tail_offset=1", "s2-format", "base64")) {
			assertThat(sse.next()).contains("event: batch", "id: 4,1,10");
			List<String> ping = sse.next();
			assertThat(ping).contains("event: ping");
			assertThat(ping.get(1)).contains("\"tail\":{\"seq_num\":5");
			http.post("/v1/streams/events/records", "{\"records\":[{\"body\":\"live\"}]}");
			List<String> live = sse.next();
			assertThat(live.get(2)).contains("\"body\":\"bGl2ZQ==\"");
		}
	}

	@Test
	void endsWithAnErrorEventWhenTheServerDrains() throws Exception {
		try (S2EmbeddedServer draining = S2EmbeddedServer.builder().build().start()) {
			Http1 other = new Http1(draining.baseUrl(), "drain-basin");
			other.post("/v1/basins", "{\"basin\":\"drain-basin\"}");
			other.post("/v1/streams", "{\"stream\":\"s\"}");
			HttpRequest request = HttpRequest.newBuilder(URI.create(draining.baseUrl() + "/v1/streams/s/records"))
				.header("accept", "text/event-stream")
				.header("s2-basin", "drain-basin")
				.build();
			try (Sse sse = new Sse(client.send(request, HttpResponse.BodyHandlers.ofInputStream()))) {
				assertThat(sse.next()).contains("event: ping");
				Thread drainer = new Thread(draining::close);
				drainer.start();
				List<String> error = sse.next();
				assertThat(error).contains("event: error");
				assertThat(error.get(1)).contains("server_draining");
				drainer.join();
			}
		}
	}

	static final class Sse implements AutoCloseable {

		final HttpResponse<InputStream> response;

		final BufferedReader reader;

		Sse(HttpResponse<InputStream> response) {
			this.response = response;
			this.reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
		}

		List<String> next() throws IOException {
			List<String> lines = new ArrayList<>();
			String line;
			while ((line = this.reader.readLine()) != null) {
				if (line.isEmpty()) {
					if (!lines.isEmpty()) {
						return lines;
					}
					continue;
				}
				lines.add(line);
			}
			return lines;
		}

		@Override
		public void close() throws IOException {
			this.response.body().close();
		}

	}

}
