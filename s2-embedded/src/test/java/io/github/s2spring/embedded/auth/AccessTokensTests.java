package io.github.s2spring.embedded.auth;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import s2.v1.AppendInput;
import tools.jackson.databind.JsonNode;

import io.github.s2spring.embedded.S2EmbeddedServer;
import io.github.s2spring.embedded.support.Http1;
import io.github.s2spring.protocol.limits.CommandRecords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AccessTokensTests {

	static final String ROOT = "root-secret-of-the-auth-tests";

	static S2EmbeddedServer server;

	static Http1 http;

	@BeforeAll
	static void start() {
		server = S2EmbeddedServer.builder().auth(true).rootToken(ROOT).build().start();
		http = new Http1(server.baseUrl(), null);
		for (String basin : new String[] { "auth-basin-a1", "auth-basin-b1", "other-basin-1" }) {
			assertThat(http.post("/v1/basins", "{\"basin\":\"" + basin + "\"}", root()).status()).isEqualTo(201);
		}
		for (String stream : new String[] { "s1", "s2", "logs/x", "b/y" }) {
			assertThat(http.post("/v1/streams", "{\"stream\":\"" + stream + "\"}", root("s2-basin", "auth-basin-a1"))
				.status()).isEqualTo(201);
		}
		assertThat(http
			.post("/v1/streams/s1/records", "{\"records\":[{\"body\":\"first\"}]}", root("s2-basin", "auth-basin-a1"))
			.status()).isEqualTo(200);
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	static String[] root(String... more) {
		return bearer(ROOT, more);
	}

	static String[] bearer(String token, String... more) {
		String[] headers = new String[more.length + 2];
		headers[0] = "authorization";
		headers[1] = "Bearer " + token;
		System.arraycopy(more, 0, headers, 2, more.length);
		return headers;
	}

	static String issue(String id, String scope) {
		return issueAs(ROOT, "{\"id\":\"" + id + "\",\"scope\":" + scope + "}");
	}

	static String issueAs(String issuer, String body) {
		Http1.Response response = http.post("/v1/access-tokens", body, bearer(issuer));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().path("access_token").asString();
	}

	static Http1.Response inBasin(String token, String method, String path, String body) {
		return http.send(method, path, (body != null) ? body.getBytes(java.nio.charset.StandardCharsets.UTF_8) : null,
				bearer(token, "s2-basin", "auth-basin-a1", "content-type", "application/json"));
	}

	@Test
	void issuesListsPagesAndRevokesTokens() {
		String first = issue("page-t1", "{\"ops\":[\"list-basins\"],\"basins\":{\"prefix\":\"\"}}");
		issue("page-t2", "{\"ops\":[\"list-basins\"]}");
		issue("page-t3", "{\"ops\":[\"list-basins\"]}");
		assertThat(first).hasSize(43).matches("[A-Za-z0-9_-]+");
		JsonNode page = http.get("/v1/access-tokens?prefix=page-&limit=2", root()).json();
		assertThat(page.path("access_tokens")).hasSize(2);
		assertThat(page.path("has_more").asBoolean()).isTrue();
		assertThat(page.path("access_tokens").get(0).toString()).isEqualTo("{\"id\":\"page-t1\",\"expires_at\":null,"
				+ "\"auto_prefix_streams\":false,\"scope\":{\"basins\":{\"prefix\":\"\"},\"streams\":null,"
				+ "\"access_tokens\":null,\"op_groups\":{\"account\":{\"read\":false,\"write\":false},"
				+ "\"basin\":{\"read\":false,\"write\":false},\"stream\":{\"read\":false,\"write\":false}},"
				+ "\"ops\":[\"list-basins\"]}}");
		JsonNode next = http.get("/v1/access-tokens?prefix=page-&start_after=page-t2", root()).json();
		assertThat(next.path("access_tokens")).hasSize(1);
		assertThat(next.path("access_tokens").get(0).path("id").asString()).isEqualTo("page-t3");
		assertThat(next.path("has_more").asBoolean()).isFalse();
		Http1.Response duplicate = http.post("/v1/access-tokens", "{\"id\":\"page-t1\",\"scope\":{\"ops\":[\"read\"]}}",
				root());
		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.code()).isEqualTo("resource_already_exists");
		assertThat(http.get("/v1/basins", bearer(first)).status()).isEqualTo(200);
		assertThat(http.delete("/v1/access-tokens/page-t1", root()).status()).isEqualTo(204);
		Http1.Response again = http.delete("/v1/access-tokens/page-t1", root());
		assertThat(again.status()).isEqualTo(404);
		assertThat(again.code()).isEqualTo("access_token_not_found");
		Http1.Response revoked = http.get("/v1/basins", bearer(first));
		assertThat(revoked.status()).isEqualTo(401);
		assertThat(revoked.code()).isEqualTo("authn");
		JsonNode rest = http.get("/v1/access-tokens?prefix=page-", root()).json();
		assertThat(rest.path("access_tokens").findValuesAsString("id")).containsExactly("page-t2", "page-t3");
		assertThat(http.delete("/v1/access-tokens/..", root()).code()).isEqualTo("bad_path");
	}

	@Test
	void rejectsMissingUnknownAndExpiredTokens() {
		Http1.Response missing = http.get("/v1/basins");
		assertThat(missing.status()).isEqualTo(401);
		assertThat(missing.code()).isEqualTo("authn");
		assertThat(http.get("/v1/basins", "authorization", "Bearer not-a-token").code()).isEqualTo("authn");
		assertThat(http.get("/v1/basins", "authorization", "Basic " + ROOT).code()).isEqualTo("authn");
		assertThat(http.get("/v1/basins", "authorization", "Bearer ").code()).isEqualTo("authn");
		Http1.Response sse = http.get("/v1/streams/s1/records", "s2-basin", "auth-basin-a1", "accept",
				"text/event-stream");
		assertThat(sse.status()).isEqualTo(401);
		assertThat(http.get("/health").status()).isEqualTo(200);
		Http1.Response preflight = http.send("OPTIONS", "/v1/basins", null, "origin", "http://app.example",
				"access-control-request-method", "GET");
		assertThat(preflight.status()).isEqualTo(204);
		String expiresAt = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS).toString();
		String shortLived = issueAs(ROOT, "{\"id\":\"short-lived\",\"expires_at\":\"" + expiresAt
				+ "\",\"scope\":{\"ops\":[\"list-basins\"],\"basins\":{\"prefix\":\"\"}}}");
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> http.get("/v1/basins", bearer(shortLived)).status() == 401);
		assertThat(http.get("/v1/basins", bearer(shortLived)).code()).isEqualTo("authn");
	}

	@Test
	void deniesOperationsOutsideExplicitOpsAndOpGroups() {
		String listOnly = issue("op-list", "{\"ops\":[\"list-basins\"],\"basins\":{\"prefix\":\"\"}}");
		assertThat(http.get("/v1/basins", bearer(listOnly)).status()).isEqualTo(200);
		Http1.Response create = http.post("/v1/basins", "{\"basin\":\"never-created\"}", bearer(listOnly));
		assertThat(create.status()).isEqualTo(403);
		assertThat(create.code()).isEqualTo("permission_denied");
		String streamRead = issue("group-stream-read",
				"{\"op_groups\":{\"stream\":{\"read\":true}},\"basins\":{\"prefix\":\"\"},\"streams\":{\"prefix\":\"\"}}");
		assertThat(inBasin(streamRead, "GET", "/v1/streams/s1/records/tail", null).status()).isEqualTo(200);
		assertThat(inBasin(streamRead, "GET", "/v1/streams/s1/records?seq_num=0", null).status()).isEqualTo(200);
		assertThat(inBasin(streamRead, "POST", "/v1/streams/s1/records", "{\"records\":[{\"body\":\"x\"}]}").code())
			.isEqualTo("permission_denied");
		assertThat(inBasin(streamRead, "GET", "/v1/streams", null).code()).isEqualTo("permission_denied");
		String basinWrite = issue("group-basin-write",
				"{\"op_groups\":{\"basin\":{\"write\":true}},\"basins\":{\"prefix\":\"\"},\"streams\":{\"prefix\":\"\"}}");
		assertThat(inBasin(basinWrite, "POST", "/v1/streams", "{\"stream\":\"by-group\"}").status()).isEqualTo(201);
		assertThat(inBasin(basinWrite, "GET", "/v1/streams/by-group", null).code()).isEqualTo("permission_denied");
		String appendOnly = issue("op-append",
				"{\"ops\":[\"append\"],\"basins\":{\"prefix\":\"\"},\"streams\":{\"prefix\":\"\"}}");
		assertThat(inBasin(appendOnly, "POST", "/v1/streams/s2/records", "{\"records\":[{\"body\":\"x\"}]}").status())
			.isEqualTo(200);
		Http1.Response fence = http.send("POST", "/v1/streams/s2/records",
				AppendInput.newBuilder().addRecords(CommandRecords.fence("me")).build().toByteArray(),
				bearer(appendOnly, "s2-basin", "auth-basin-a1", "content-type", "application/protobuf"));
		assertThat(fence.code()).isEqualTo("permission_denied");
		Http1.Response trim = http.send("POST", "/v1/streams/s2/records",
				AppendInput.newBuilder().addRecords(CommandRecords.trim(0)).build().toByteArray(),
				bearer(appendOnly, "s2-basin", "auth-basin-a1", "content-type", "application/protobuf"));
		assertThat(trim.code()).isEqualTo("permission_denied");
		String fencer = issue("op-fence",
				"{\"ops\":[\"append\",\"fence\"],\"basins\":{\"prefix\":\"\"},\"streams\":{\"prefix\":\"\"}}");
		assertThat(http
			.send("POST", "/v1/streams/s2/records",
					AppendInput.newBuilder().addRecords(CommandRecords.fence("")).build().toByteArray(),
					bearer(fencer, "s2-basin", "auth-basin-a1", "content-type", "application/protobuf"))
			.status()).isEqualTo(200);
	}

	@Test
	void limitsBasinsByExactAndPrefixSets() {
		String exact = issue("basin-exact", "{\"ops\":[\"list-basins\",\"list-streams\",\"get-basin-config\"],"
				+ "\"basins\":{\"exact\":\"auth-basin-a1\"}}");
		JsonNode listed = http.get("/v1/basins", bearer(exact)).json();
		assertThat(listed.path("basins").findValuesAsString("name")).containsExactly("auth-basin-a1");
		assertThat(http.get("/v1/basins/auth-basin-a1", bearer(exact)).status()).isEqualTo(200);
		assertThat(http.get("/v1/basins/auth-basin-b1", bearer(exact)).code()).isEqualTo("permission_denied");
		assertThat(http.get("/v1/streams", bearer(exact, "s2-basin", "auth-basin-b1")).code())
			.isEqualTo("permission_denied");
		String prefix = issue("basin-prefix",
				"{\"ops\":[\"list-basins\",\"create-basin\"],\"basins\":{\"prefix\":\"auth-basin-\"}}");
		JsonNode page = http.get("/v1/basins?limit=1", bearer(prefix)).json();
		assertThat(page.path("basins").findValuesAsString("name")).containsExactly("auth-basin-a1");
		assertThat(page.path("has_more").asBoolean()).isTrue();
		assertThat(http.post("/v1/basins", "{\"basin\":\"auth-basin-c1\"}", bearer(prefix)).status()).isEqualTo(201);
		assertThat(http.post("/v1/basins", "{\"basin\":\"other-basin-2\"}", bearer(prefix)).code())
			.isEqualTo("permission_denied");
		assertThat(http.put("/v1/basins/other-basin-3", "", bearer(prefix)).code()).isEqualTo("permission_denied");
		String none = issue("basin-none", "{\"ops\":[\"list-basins\"],\"basins\":{\"exact\":\"\"}}");
		assertThat(http.get("/v1/basins", bearer(none)).json().path("basins")).isEmpty();
		String absent = issue("basin-absent", "{\"ops\":[\"get-basin-config\"]}");
		assertThat(http.get("/v1/basins/auth-basin-a1", bearer(absent)).code()).isEqualTo("permission_denied");
	}

	@Test
	void limitsStreamsByExactAndPrefixSets() {
		String scope = "{\"ops\":[\"check-tail\",\"list-streams\",\"create-stream\"],\"basins\":{\"prefix\":\"\"},"
				+ "\"streams\":";
		String exact = issue("stream-exact", scope + "{\"exact\":\"s1\"}}");
		assertThat(inBasin(exact, "GET", "/v1/streams/s1/records/tail", null).status()).isEqualTo(200);
		assertThat(inBasin(exact, "GET", "/v1/streams/s2/records/tail", null).code()).isEqualTo("permission_denied");
		assertThat(inBasin(exact, "GET", "/v1/streams", null).json().path("streams").findValuesAsString("name"))
			.containsExactly("s1");
		assertThat(inBasin(exact, "POST", "/v1/streams", "{\"stream\":\"s9\"}").code()).isEqualTo("permission_denied");
		String prefix = issue("stream-prefix", scope + "{\"prefix\":\"logs/\"}}");
		assertThat(inBasin(prefix, "GET", "/v1/streams/logs%2Fx/records/tail", null).status()).isEqualTo(200);
		assertThat(inBasin(prefix, "GET", "/v1/streams/s1/records/tail", null).code()).isEqualTo("permission_denied");
		assertThat(inBasin(prefix, "GET", "/v1/streams", null).json().path("streams").findValuesAsString("name"))
			.containsExactly("logs/x");
		String nothing = issue("stream-nothing", scope + "{\"exact\":\"\"}}");
		assertThat(inBasin(nothing, "GET", "/v1/streams/s1/records/tail", null).code()).isEqualTo("permission_denied");
		String everything = issue("stream-everything", scope + "{\"prefix\":\"\"}}");
		assertThat(inBasin(everything, "GET", "/v1/streams/s2/records/tail", null).status()).isEqualTo(200);
	}

	@Test
	void autoPrefixesStreamNames() {
		String token = issueAs(ROOT,
				"{\"id\":\"auto-a\",\"auto_prefix_streams\":true,\"scope\":{\"basins\":{\"prefix\":\"\"},"
						+ "\"streams\":{\"prefix\":\"a/\"},\"op_groups\":{\"basin\":{\"read\":true,\"write\":true},"
						+ "\"stream\":{\"read\":true,\"write\":true}}}}");
		Http1.Response created = inBasin(token, "POST", "/v1/streams", "{\"stream\":\"x\"}");
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().path("name").asString()).isEqualTo("x");
		assertThat(inBasin(token, "PUT", "/v1/streams/z", "").json().path("name").asString()).isEqualTo("z");
		assertThat(inBasin(token, "POST", "/v1/streams/x/records", "{\"records\":[{\"body\":\"hi\"}]}").status())
			.isEqualTo(200);
		JsonNode rootView = http.get("/v1/streams?prefix=a/", root("s2-basin", "auth-basin-a1")).json();
		assertThat(rootView.path("streams").findValuesAsString("name")).containsExactly("a/x", "a/z");
		assertThat(http.get("/v1/streams/a%2Fx/records/tail", root("s2-basin", "auth-basin-a1"))
			.json()
			.path("tail")
			.path("seq_num")
			.asLong()).isEqualTo(1);
		assertThat(inBasin(token, "GET", "/v1/streams", null).json().path("streams").findValuesAsString("name"))
			.containsExactly("x", "z");
		assertThat(inBasin(token, "GET", "/v1/streams?start_after=x", null).json()
			.path("streams")
			.findValuesAsString("name")).containsExactly("z");
		assertThat(inBasin(token, "GET", "/v1/streams/x", null).status()).isEqualTo(200);
		assertThat(inBasin(token, "GET", "/v1/streams/s1", null).code()).isEqualTo("stream_not_found");
		Http1.Response notPrefix = http.post("/v1/access-tokens", "{\"id\":\"auto-bad\",\"auto_prefix_streams\":true,"
				+ "\"scope\":{\"streams\":{\"exact\":\"a\"},\"ops\":[\"read\"]}}", root());
		assertThat(notPrefix.status()).isEqualTo(422);
		assertThat(notPrefix.code()).isEqualTo("invalid");
	}

	@Test
	void limitsTokenManagementToTheAccessTokenSet() {
		issue("child-1", "{\"ops\":[\"read\"]}");
		issue("sibling-1", "{\"ops\":[\"read\"]}");
		String manager = issue("manager", "{\"ops\":[\"list-access-tokens\",\"revoke-access-token\","
				+ "\"issue-access-token\",\"read\"],\"access_tokens\":{\"prefix\":\"child-\"}}");
		assertThat(http.get("/v1/access-tokens", bearer(manager)).json().path("access_tokens").findValuesAsString("id"))
			.containsExactly("child-1");
		assertThat(http.delete("/v1/access-tokens/sibling-1", bearer(manager)).code()).isEqualTo("permission_denied");
		assertThat(
				http.post("/v1/access-tokens", "{\"id\":\"sibling-2\",\"scope\":{\"ops\":[\"read\"]}}", bearer(manager))
					.code())
			.isEqualTo("permission_denied");
		issueAs(manager, "{\"id\":\"child-2\",\"scope\":{\"ops\":[\"read\"]}}");
		assertThat(http.delete("/v1/access-tokens/child-1", bearer(manager)).status()).isEqualTo(204);
		assertThat(http.get("/v1/access-tokens", bearer(manager)).json().path("access_tokens").findValuesAsString("id"))
			.containsExactly("child-2");
	}

	@Test
	void issuedTokensCannotExceedTheirIssuer() {
		Instant expiry = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
		String issuer = issueAs(ROOT,
				"{\"id\":\"issuer\",\"expires_at\":\"" + expiry + "\",\"scope\":{"
						+ "\"ops\":[\"issue-access-token\",\"list-basins\"],\"access_tokens\":{\"prefix\":\"\"},"
						+ "\"basins\":{\"prefix\":\"auth-\"}}}");
		issueAs(issuer,
				"{\"id\":\"narrower\",\"scope\":{\"ops\":[\"list-basins\"],\"basins\":{\"prefix\":\"auth-basin-\"}}}");
		JsonNode narrower = http.get("/v1/access-tokens?prefix=narrower", root()).json().path("access_tokens").get(0);
		assertThat(narrower.path("expires_at").asString()).isEqualTo(expiry.toString());
		String[] wider = { "{\"ops\":[\"create-basin\"]}", "{\"ops\":[\"list-basins\"],\"basins\":{\"prefix\":\"\"}}",
				"{\"ops\":[\"list-basins\"],\"basins\":{\"exact\":\"other-basin-1\"}}",
				"{\"op_groups\":{\"account\":{\"read\":true}}}",
				"{\"ops\":[\"list-basins\"],\"streams\":{\"prefix\":\"\"}}" };
		for (int i = 0; i < wider.length; i++) {
			Http1.Response response = http.post("/v1/access-tokens",
					"{\"id\":\"wider-" + i + "\",\"scope\":" + wider[i] + "}", bearer(issuer));
			assertThat(response.code()).as(wider[i]).isEqualTo("permission_denied");
		}
		Http1.Response later = http.post("/v1/access-tokens", "{\"id\":\"later\",\"expires_at\":\""
				+ expiry.plusSeconds(60) + "\",\"scope\":{\"ops\":[\"list-basins\"]}}", bearer(issuer));
		assertThat(later.code()).isEqualTo("permission_denied");
	}

	@Test
	void rejectsInvalidIssueRequests() {
		String[][] cases = { { "{\"id\":\"empty-scope\",\"scope\":{}}", "invalid" },
				{ "{\"id\":\"no-scope\"}", "invalid" },
				{ "{\"id\":\"past\",\"expires_at\":\"2020-01-01T00:00:00Z\",\"scope\":{\"ops\":[\"read\"]}}",
						"invalid" },
				{ "{\"id\":\"" + "a".repeat(97) + "\",\"scope\":{\"ops\":[\"read\"]}}", "bad_json" },
				{ "{\"id\":\".\",\"scope\":{\"ops\":[\"read\"]}}", "bad_json" },
				{ "{\"scope\":{\"ops\":[\"read\"]}}", "bad_json" }, { "[1]", "bad_json" }, { "{", "bad_json" },
				{ "{\"id\":\"op\",\"scope\":{\"ops\":[\"explode\"]}}", "bad_json" },
				{ "{\"id\":\"op\",\"scope\":{\"ops\":\"read\"}}", "bad_json" },
				{ "{\"id\":\"op\",\"scope\":[]}", "bad_json" },
				{ "{\"id\":\"both\",\"scope\":{\"ops\":[\"read\"],\"basins\":{\"exact\":\"a\",\"prefix\":\"b\"}}}",
						"bad_json" },
				{ "{\"id\":\"bad-basin\",\"scope\":{\"ops\":[\"read\"],\"basins\":{\"exact\":\"A!\"}}}", "bad_json" },
				{ "{\"id\":\"bad-set\",\"scope\":{\"ops\":[\"read\"],\"streams\":{\"prefix\":5}}}", "bad_json" },
				{ "{\"id\":\"bad-set\",\"scope\":{\"ops\":[\"read\"],\"streams\":\"x\"}}", "bad_json" },
				{ "{\"id\":\"bad-group\",\"scope\":{\"op_groups\":{\"stream\":{\"read\":\"yes\"}}}}", "bad_json" },
				{ "{\"id\":\"bad-group\",\"scope\":{\"op_groups\":[]}}", "bad_json" },
				{ "{\"id\":\"bad-time\",\"expires_at\":\"tomorrow\",\"scope\":{\"ops\":[\"read\"]}}", "bad_json" },
				{ "{\"id\":\"bad-time\",\"expires_at\":5,\"scope\":{\"ops\":[\"read\"]}}", "bad_json" },
				{ "{\"id\":\"bad-flag\",\"auto_prefix_streams\":\"yes\",\"scope\":{\"ops\":[\"read\"]}}",
						"bad_json" } };
		for (String[] testCase : cases) {
			assertThat(http.post("/v1/access-tokens", testCase[0], root()).code()).as(testCase[0])
				.isEqualTo(testCase[1]);
		}
		assertThat(http
			.post("/v1/access-tokens", "{\"id\":\"" + "a".repeat(96)
					+ "\",\"scope\":{\"ops\":[\"read\"],\"op_groups\":{\"account\":null,\"basin\":{\"write\":false}}}}",
					root())
			.status()).isEqualTo(201);
	}

}
