package io.github.s2spring.embedded;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import s2.v1.AppendInput;

import io.github.s2spring.embedded.error.ApiException;
import io.github.s2spring.embedded.http.Operation;
import io.github.s2spring.embedded.support.H2Client;
import io.github.s2spring.embedded.support.Http1;
import io.github.s2spring.protocol.error.ErrorCode;
import io.github.s2spring.protocol.limits.CommandRecords;
import io.github.s2spring.protocol.s2s.S2sFrame;

import static org.assertj.core.api.Assertions.assertThat;

class AuthorizerTests {

	@Test
	void checksEveryRouteOperationAndTheCommandsOfAppends() throws Exception {
		List<String> seen = new CopyOnWriteArrayList<>();
		S2EmbeddedServer.Builder builder = S2EmbeddedServer.builder().authorizer((call, operation) -> {
			seen.add(operation.scopeName());
			if (operation == Operation.TRIM || "deny".equals(call.bearerToken())) {
				throw ApiException.of(ErrorCode.PERMISSION_DENIED, "Not allowed: " + operation.scopeName());
			}
		});
		try (S2EmbeddedServer server = builder.build().start();
				H2Client h2 = new H2Client("127.0.0.1", server.port())) {
			Http1 http = new Http1(server.baseUrl(), "auth-basin-1");
			assertThat(http.post("/v1/basins", "{\"basin\":\"auth-basin-1\"}").status()).isEqualTo(201);
			assertThat(http.get("/v1/basins", "authorization", "Bearer deny").code()).isEqualTo("permission_denied");
			assertThat(http.post("/v1/streams", "{\"stream\":\"s\"}").status()).isEqualTo(201);
			AppendInput fence = AppendInput.newBuilder().addRecords(CommandRecords.fence("f")).build();
			assertThat(http
				.send("POST", "/v1/streams/s/records", fence.toByteArray(), "content-type", "application/protobuf")
				.status()).isEqualTo(200);
			AppendInput trim = AppendInput.newBuilder().addRecords(CommandRecords.trim(1)).build();
			Http1.Response denied = http.send("POST", "/v1/streams/s/records", trim.toByteArray(), "content-type",
					"application/protobuf");
			assertThat(denied.status()).isEqualTo(403);
			H2Client.Exchange session = h2.open("POST", "/v1/streams/s/records", false, "content-type", "s2s/proto",
					"s2-basin", "auth-basin-1");
			session.send(S2sFrame.of(trim));
			S2sFrame frame = session.nextFrame();
			assertThat(((S2sFrame.Terminal) frame).status()).isEqualTo(403);
			assertThat(seen).contains("create-basin", "list-basins", "create-stream", "append", "fence", "trim");
		}
	}

}
