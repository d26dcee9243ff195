package io.github.s2spring.embedded;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.github.s2spring.embedded.support.Http1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ControlPlaneTests {

	static final String SYSTEM_DEFAULT_STREAM_CONFIG = "{\"storage_class\":\"express\",\"retention_policy\":{\"age\":604800},"
			+ "\"timestamping\":{\"mode\":\"client-prefer\",\"uncapped\":false},\"delete_on_empty\":{\"min_age_secs\":0}}";

	static S2EmbeddedServer server;

	static Http1 http;

	@BeforeAll
	static void start() {
		server = S2EmbeddedServer.builder().build().start();
		http = new Http1(server.baseUrl(), null);
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void createsListsAndPagesBasins() {
		for (String name : new String[] { "page-basin-a", "page-basin-b", "page-basin-c" }) {
			Http1.Response created = http.post("/v1/basins", "{\"basin\":\"" + name + "\"}");
			assertThat(created.status()).isEqualTo(201);
			assertThat(created.header("s2-provision-result")).isEqualTo("created");
			assertThat(created.json().path("name").asString()).isEqualTo(name);
			assertThat(created.json().path("state").asString()).isEqualTo("active");
		}
		JsonNode first = http.get("/v1/basins?prefix=page-basin&limit=2").json();
		assertThat(first.path("basins")).hasSize(2);
		assertThat(first.path("basins").get(0).path("name").asString()).isEqualTo("page-basin-a");
		assertThat(first.path("has_more").asBoolean()).isTrue();
		JsonNode second = http.get("/v1/basins?prefix=page-basin&start_after=page-basin-b&limit=0").json();
		assertThat(second.path("basins")).hasSize(1);
		assertThat(second.path("basins").get(0).path("name").asString()).isEqualTo("page-basin-c");
		assertThat(second.path("has_more").asBoolean()).isFalse();
		assertThat(http.get("/v1/basins?prefix=-bad").code()).isEqualTo("bad_query");
		assertThat(http.get("/v1/basins?limit=x").status()).isEqualTo(400);
	}

	@Test
	void createIsIdempotentWithTheSameRequestToken() {
		String body = "{\"basin\":\"idem-basin-1\",\"config\":{\"create_stream_on_append\":true}}";
		assertThat(http.post("/v1/basins", body, "s2-request-token", "tok-1").status()).isEqualTo(201);
		Http1.Response again = http.post("/v1/basins", body, "s2-request-token", "tok-1");
		assertThat(again.status()).isEqualTo(201);
		assertThat(again.header("s2-provision-result")).isEqualTo("noop");
		Http1.Response other = http.post("/v1/basins", body, "s2-request-token", "tok-2");
		assertThat(other.status()).isEqualTo(409);
		assertThat(other.code()).isEqualTo("resource_already_exists");
		assertThat(http.post("/v1/basins", "{\"basin\":\"idem-basin-2\"}", "s2-request-token", "x".repeat(37)).code())
			.isEqualTo("bad_header");
	}

	@Test
	void ensuresGetsReconfiguresAndDeletesBasins() {
		Http1.Response created = http.put("/v1/basins/ensure-basin", "");
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.header("s2-provision-result")).isEqualTo("created");
		Http1.Response noop = http.put("/v1/basins/ensure-basin", "{\"config\":null}");
		assertThat(noop.status()).isEqualTo(200);
		assertThat(noop.header("s2-provision-result")).isEqualTo("noop");
		Http1.Response updated = http.put("/v1/basins/ensure-basin", "{\"config\":{\"create_stream_on_read\":true}}");
		assertThat(updated.header("s2-provision-result")).isEqualTo("updated");
		JsonNode config = http.get("/v1/basins/ensure-basin").json();
		assertThat(config.path("create_stream_on_read").asBoolean()).isTrue();
		assertThat(config.path("create_stream_on_append").asBoolean()).isFalse();
		JsonNode patched = http
			.patch("/v1/basins/ensure-basin",
					"{\"create_stream_on_append\":true,\"default_stream_config\":{\"storage_class\":\"standard\","
							+ "\"retention_policy\":{\"age\":60},\"timestamping\":{\"mode\":\"arrival\"},"
							+ "\"delete_on_empty\":{\"min_age_secs\":5}}}")
			.json();
		assertThat(patched.path("create_stream_on_append").asBoolean()).isTrue();
		assertThat(patched.path("create_stream_on_read").asBoolean()).isTrue();
		assertThat(patched.path("default_stream_config").path("storage_class").asString()).isEqualTo("standard");
		assertThat(patched.path("default_stream_config").path("retention_policy").path("age").asLong()).isEqualTo(60);
		JsonNode reset = http
			.patch("/v1/basins/ensure-basin",
					"{\"create_stream_on_read\":null,\"default_stream_config\":{\"storage_class\":null,"
							+ "\"timestamping\":null,\"delete_on_empty\":null}}")
			.json();
		assertThat(reset.path("create_stream_on_read").asBoolean()).isFalse();
		assertThat(reset.path("default_stream_config").toString())
			.isEqualTo("{\"storage_class\":\"express\",\"retention_policy\":{\"age\":60},"
					+ "\"timestamping\":{\"mode\":\"client-prefer\",\"uncapped\":false},"
					+ "\"delete_on_empty\":{\"min_age_secs\":0}}");
		assertThat(http.patch("/v1/basins/ensure-basin", "{\"default_stream_config\":null}")
			.json()
			.path("default_stream_config")
			.toString()).isEqualTo(SYSTEM_DEFAULT_STREAM_CONFIG);
		assertThat(http.delete("/v1/basins/ensure-basin").status()).isEqualTo(202);
		Http1.Response pending = http.get("/v1/basins/ensure-basin");
		assertThat(pending.status()).isIn(404, 409);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(http.get("/v1/basins/ensure-basin").code()).isEqualTo("basin_not_found"));
		assertThat(http.delete("/v1/basins/ensure-basin").status()).isEqualTo(404);
	}

	@Test
	void deletedBasinIsPendingDeletionBeforeItDisappears() {
		http.post("/v1/basins", "{\"basin\":\"pending-basin\"}");
		http.delete("/v1/basins/pending-basin");
		Http1.Response listed = http.get("/v1/basins?prefix=pending-basin");
		JsonNode basins = listed.json().path("basins");
		if (!basins.isEmpty()) {
			assertThat(basins.get(0).path("state").asString()).isEqualTo("deleting");
			assertThat(basins.get(0).path("deleted_at").isString()).isTrue();
			assertThat(http.post("/v1/basins", "{\"basin\":\"pending-basin\"}").code()).isIn("basin_deletion_pending",
					"resource_already_exists");
		}
	}

	@Test
	void streamsLifecycle() {
		http.post("/v1/basins", "{\"basin\":\"stream-basin\",\"config\":{\"default_stream_config\":"
				+ "{\"retention_policy\":{\"infinite\":{}}}}}");
		String[] basin = { "s2-basin", "stream-basin" };
		Http1.Response created = http.post("/v1/streams",
				"{\"stream\":\"orders/1\",\"config\":{\"timestamping\":{\"mode\":\"client-require\",\"uncapped\":true}}}",
				basin);
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().path("name").asString()).isEqualTo("orders/1");
		assertThat(http.post("/v1/streams", "{\"stream\":\"orders/2\"}", basin).status()).isEqualTo(201);
		assertThat(http.post("/v1/streams", "{\"stream\":\"orders/2\"}", basin).code())
			.isEqualTo("resource_already_exists");
		JsonNode config = http.get("/v1/streams/orders%2F1", basin).json();
		assertThat(config.path("retention_policy").path("infinite").isObject()).isTrue();
		assertThat(config.path("timestamping").path("mode").asString()).isEqualTo("client-require");
		assertThat(config.path("timestamping").path("uncapped").asBoolean()).isTrue();
		assertThat(config.path("storage_class").asString()).isEqualTo("express");
		JsonNode list = http.get("/v1/streams?prefix=orders/&limit=1", basin).json();
		assertThat(list.path("streams")).hasSize(1);
		assertThat(list.path("has_more").asBoolean()).isTrue();
		JsonNode patched = http
			.patch("/v1/streams/orders%2F1", "{\"timestamping\":{\"uncapped\":null},\"retention_policy\":{\"age\":10}}",
					basin)
			.json();
		assertThat(patched.path("timestamping").path("uncapped").asBoolean()).isFalse();
		assertThat(patched.path("timestamping").path("mode").asString()).isEqualTo("client-require");
		assertThat(patched.path("retention_policy").path("age").asLong()).isEqualTo(10);
		Http1.Response ensured = http.put("/v1/streams/orders%2F3", "", basin);
		assertThat(ensured.status()).isEqualTo(201);
		assertThat(http.put("/v1/streams/orders%2F3", "{\"storage_class\":\"standard\"}", basin)
			.header("s2-provision-result")).isEqualTo("updated");
		assertThat(http.put("/v1/streams/orders%2F3", "{\"config\":{\"storage_class\":\"standard\"}}", basin)
			.header("s2-provision-result")).isEqualTo("noop");
		Http1.Response idem = http.post("/v1/streams", "{\"stream\":\"orders/4\"}", "s2-basin", "stream-basin",
				"s2-request-token", "abc");
		assertThat(idem.status()).isEqualTo(201);
		assertThat(http
			.post("/v1/streams", "{\"stream\":\"orders/4\"}", "s2-basin", "stream-basin", "s2-request-token", "abc")
			.header("s2-provision-result")).isEqualTo("noop");
		assertThat(http.delete("/v1/streams/orders%2F2", basin).status()).isEqualTo(202);
		Http1.Response pending = http.get("/v1/streams/orders%2F2", basin);
		assertThat(pending.code()).isIn("stream_deletion_pending", "stream_not_found");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(http.get("/v1/streams/orders%2F2", basin).code()).isEqualTo("stream_not_found"));
	}

	@Test
	void rejectsMalformedControlRequests() {
		assertThat(http.post("/v1/basins", "{\"basin\":").code()).isEqualTo("bad_json");
		assertThat(http.post("/v1/basins", "[]").code()).isEqualTo("bad_json");
		assertThat(http.post("/v1/basins", "{\"basin\":\"UPPER-case\"}").code()).isEqualTo("bad_json");
		assertThat(
				http.post("/v1/basins", "{\"basin\":\"valid-name-1\",\"config\":{\"create_stream_on_read\":1}}").code())
			.isEqualTo("bad_json");
		Http1.Response age = http.post("/v1/basins", "{\"basin\":\"valid-name-2\",\"config\":"
				+ "{\"default_stream_config\":{\"retention_policy\":{\"age\":0}}}}");
		assertThat(age.status()).isEqualTo(422);
		assertThat(age.code()).isEqualTo("invalid");
		assertThat(http
			.post("/v1/basins",
					"{\"basin\":\"valid-name-3\",\"config\":"
							+ "{\"default_stream_config\":{\"storage_class\":\"gold\"}}}")
			.code()).isEqualTo("bad_json");
		assertThat(http.get("/v1/basins/x").code()).isEqualTo("bad_path");
		assertThat(http.get("/v1/basins/no-such-basin").code()).isEqualTo("basin_not_found");
		assertThat(http.get("/v1/streams").code()).isEqualTo("bad_header");
		assertThat(http.get("/v1/streams", "s2-basin", "Bad").code()).isEqualTo("bad_header");
		assertThat(http.get("/v1/streams", "s2-basin", "no-such-basin").code()).isEqualTo("basin_not_found");
		assertThat(http.get("/v1/nothing").code()).isEqualTo("bad_path");
		assertThat(http.send("PATCH", "/v1/basins", new byte[0]).code()).isEqualTo("bad_path");
		assertThat(http.get("/v1/streams/%FF", "s2-basin", "no-such-basin").code()).isEqualTo("bad_path");
		assertThat(http.get("/v1/basins?limit=1&limit=2").code()).isEqualTo("bad_query");
		assertThat(http.post("/v1/basins", "{\"basin\":\"enc-basin-1\"}", "content-encoding", "br").code())
			.isEqualTo("bad_header");
		assertThat(http.post("/v1/basins", "{\"basin\":\"enc-basin-1\"}", "content-encoding", "gzip").code())
			.isEqualTo("bad_header");
	}

	@Test
	void aBasinReportsEveryDefaultOfItsStreamConfig() {
		Http1.Response created = http.post("/v1/basins",
				"{\"basin\":\"defaults-basin-1\",\"config\":{\"default_stream_config\":"
						+ "{\"retention_policy\":{\"age\":3600},\"delete_on_empty\":{\"min_age_secs\":600}}}}");
		assertThat(created.status()).isEqualTo(201);
		assertThat(http.get("/v1/basins/defaults-basin-1").body()).isEqualTo(
				"{\"default_stream_config\":" + "{\"storage_class\":\"express\",\"retention_policy\":{\"age\":3600},"
						+ "\"timestamping\":{\"mode\":\"client-prefer\",\"uncapped\":false},"
						+ "\"delete_on_empty\":{\"min_age_secs\":600}},\"stream_cipher\":null,"
						+ "\"create_stream_on_append\":false,\"create_stream_on_read\":false}");
		assertThat(http.put("/v1/basins/defaults-basin-2", "").status()).isEqualTo(201);
		assertThat(http.get("/v1/basins/defaults-basin-2").json().path("default_stream_config").toString())
			.isEqualTo(SYSTEM_DEFAULT_STREAM_CONFIG);
		Http1.Response explicit = http.put("/v1/basins/defaults-basin-2",
				"{\"config\":{\"default_stream_config\":{\"storage_class\":\"express\"}}}");
		assertThat(explicit.status()).isEqualTo(200);
		assertThat(explicit.header("s2-provision-result")).isEqualTo("noop");
		String[] basin = { "s2-basin", "defaults-basin-2" };
		assertThat(http.post("/v1/streams", "{\"stream\":\"s\"}", basin).status()).isEqualTo(201);
		assertThat(http.get("/v1/streams/s", basin).body()).isEqualTo(SYSTEM_DEFAULT_STREAM_CONFIG);
	}

	@Test
	void deletingABasinOrStreamTwiceSucceedsWhileItIsPending() {
		http.post("/v1/basins", "{\"basin\":\"twice-basin-1\"}");
		String[] basin = { "s2-basin", "twice-basin-1" };
		http.post("/v1/streams", "{\"stream\":\"s\"}", basin);
		assertThat(http.delete("/v1/streams/s", basin).status()).isEqualTo(202);
		Http1.Response again = http.delete("/v1/streams/s", basin);
		assertThat(again.status()).isEqualTo(202);
		assertThat(again.body()).isEmpty();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(http.delete("/v1/streams/s", basin).code()).isEqualTo("stream_not_found"));
		assertThat(http.delete("/v1/basins/twice-basin-1").status()).isEqualTo(202);
		assertThat(http.delete("/v1/basins/twice-basin-1").status()).isEqualTo(202);
		assertThat(http.delete("/v1/streams/s", basin).code()).isIn("basin_deletion_pending", "basin_not_found");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			Http1.Response gone = http.delete("/v1/basins/twice-basin-1");
			assertThat(gone.status()).isEqualTo(404);
			assertThat(gone.code()).isEqualTo("basin_not_found");
		});
	}

	@Test
	void aTrailingSlashIsAnEmptySegment() {
		assertThat(http.get("/v1/basins/").code()).isEqualTo("bad_path");
		assertThat(http.get("//v1/basins").status()).isEqualTo(200);
	}

	@Test
	void servesHealthAndCors() {
		Http1.Response health = http.get("/health");
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.body()).isEqualTo("OK");
		Http1.Response preflight = http.send("OPTIONS", "/v1/basins", null, "origin", "http://app.example",
				"access-control-request-method", "POST", "access-control-request-headers", "authorization");
		assertThat(preflight.status()).isEqualTo(204);
		assertThat(preflight.header("access-control-allow-origin")).isEqualTo("*");
		assertThat(preflight.header("access-control-allow-headers")).isEqualTo("authorization");
		Http1.Response simple = http.get("/v1/basins", "origin", "http://app.example");
		assertThat(simple.header("access-control-allow-origin")).isEqualTo("*");
	}

	@Test
	void corsCanBeTurnedOff() {
		try (S2EmbeddedServer plain = S2EmbeddedServer.builder().cors(false).build().start()) {
			Http1 client = new Http1(plain.baseUrl(), null);
			assertThat(client.get("/v1/basins", "origin", "http://app.example").header("access-control-allow-origin"))
				.isNull();
			assertThat(client.send("OPTIONS", "/v1/basins", null, "origin", "http://x").code()).isEqualTo("bad_path");
		}
	}

}
