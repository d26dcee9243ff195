package io.github.s2spring.embedded.auth;

import java.util.concurrent.TimeUnit;

import com.google.protobuf.ByteString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import s2.v1.AppendAck;
import s2.v1.AppendInput;
import s2.v1.AppendRecord;
import tools.jackson.databind.JsonNode;

import io.github.s2spring.embedded.S2EmbeddedServer;
import io.github.s2spring.embedded.support.H2Client;
import io.github.s2spring.embedded.support.Http1;
import io.github.s2spring.embedded.support.MetricRanges;
import io.github.s2spring.protocol.limits.CommandRecords;
import io.github.s2spring.protocol.s2s.S2sFrame;

import static org.assertj.core.api.Assertions.assertThat;

class AuthorizedSessionsTests {

	static final String ROOT = "root-of-the-session-tests";

	static S2EmbeddedServer server;

	static Http1 http;

	static H2Client h2;

	@BeforeAll
	static void start() {
		server = S2EmbeddedServer.builder().auth(true).rootToken(ROOT).build().start();
		http = new Http1(server.baseUrl(), "session-auth-1");
		h2 = new H2Client("127.0.0.1", server.port());
		assertThat(
				http.post("/v1/basins", "{\"basin\":\"session-auth-1\"}", "authorization", "Bearer " + ROOT).status())
			.isEqualTo(201);
		for (String stream : new String[] { "open", "closed" }) {
			assertThat(http.post("/v1/streams", "{\"stream\":\"" + stream + "\"}", "authorization", "Bearer " + ROOT)
				.status()).isEqualTo(201);
		}
	}

	@AfterAll
	static void stop() {
		h2.close();
		server.close();
	}

	static String issue(String id, String scope) {
		Http1.Response response = http.post("/v1/access-tokens", "{\"id\":\"" + id + "\",\"scope\":" + scope + "}",
				"authorization", "Bearer " + ROOT);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().path("access_token").asString();
	}

	static H2Client.Exchange session(String method, String stream, String token) {
		String path = "/v1/streams/" + stream + "/records" + (method.equals("GET") ? "?seq_num=0" : "");
		if (token == null) {
			return h2.open(method, path, method.equals("GET"), "content-type", "s2s/proto", "s2-basin",
					"session-auth-1");
		}
		return h2.open(method, path, method.equals("GET"), "content-type", "s2s/proto", "s2-basin", "session-auth-1",
				"authorization", "Bearer " + token);
	}

	@Test
	void authorizesSessionsWhenTheyOpen() throws Exception {
		H2Client.Exchange anonymous = session("POST", "open", null);
		assertThat(anonymous.status.get(10, TimeUnit.SECONDS)).isEqualTo(401);
		anonymous.ended.get(10, TimeUnit.SECONDS);
		String writer = issue("session-writer",
				"{\"ops\":[\"append\"],\"basins\":{\"prefix\":\"\"},\"streams\":{\"exact\":\"open\"}}");
		H2Client.Exchange outside = session("POST", "closed", writer);
		assertThat(outside.status.get(10, TimeUnit.SECONDS)).isEqualTo(403);
		outside.ended.get(10, TimeUnit.SECONDS);
		H2Client.Exchange reader = session("GET", "open", writer);
		assertThat(reader.status.get(10, TimeUnit.SECONDS)).isEqualTo(403);
		reader.ended.get(10, TimeUnit.SECONDS);

		H2Client.Exchange append = session("POST", "open", writer);
		append.send(S2sFrame.of(AppendInput.newBuilder()
			.addRecords(AppendRecord.newBuilder().setBody(ByteString.copyFromUtf8("12345")))
			.build()));
		assertThat(append.status.get(10, TimeUnit.SECONDS)).isEqualTo(200);
		S2sFrame ack = append.nextFrame();
		assertThat(AppendAck.parseFrom(((S2sFrame.Regular) ack).payload()).getEnd().getSeqNum()).isEqualTo(1);
		append.send(S2sFrame.of(AppendInput.newBuilder().addRecords(CommandRecords.fence("mine")).build()));
		S2sFrame terminal = append.nextFrame();
		assertThat(terminal).isInstanceOf(S2sFrame.Terminal.class);
		assertThat(((S2sFrame.Terminal) terminal).status()).isEqualTo(403);
		assertThat(((S2sFrame.Terminal) terminal).body()).contains("\"code\":\"permission_denied\"");
		append.ended.get(10, TimeUnit.SECONDS);

		JsonNode appendOps = http
			.get("/v1/metrics/session-auth-1?set=append-throughput&interval=day" + MetricRanges.lastDay(),
					"authorization", "Bearer " + ROOT)
			.json()
			.path("values")
			.get(0)
			.path("accumulation")
			.path("values");
		double appended = 0;
		for (JsonNode point : appendOps) {
			appended += point.get(1).asDouble();
		}
		assertThat(appended).isEqualTo(13.0);
	}

}
