package io.github.s2spring.embedded.auth;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.s2spring.embedded.S2EmbeddedServer;
import io.github.s2spring.embedded.error.ApiException;
import io.github.s2spring.embedded.http.Operation;
import io.github.s2spring.embedded.support.Http1;
import io.github.s2spring.protocol.error.ErrorCode;

import static org.assertj.core.api.Assertions.assertThat;

class AuthModesTests {

	@Test
	void generatesARootTokenWhenNoneIsGiven() {
		try (S2EmbeddedServer generated = S2EmbeddedServer.builder().auth(true).build().start()) {
			assertThat(generated.authEnabled()).isTrue();
			assertThat(generated.rootToken()).hasSize(43);
			Http1 client = new Http1(generated.baseUrl(), null);
			assertThat(client.get("/v1/basins", AccessTokensTests.bearer(generated.rootToken())).status())
				.isEqualTo(200);
			assertThat(client.get("/v1/basins").status()).isEqualTo(401);
		}
	}

	@Test
	void ignoresTokensWithoutAuthButKeepsTheTokenApi() {
		try (S2EmbeddedServer open = S2EmbeddedServer.builder().authorizer((call, operation) -> {
			if (operation == Operation.DELETE_BASIN) {
				throw ApiException.of(ErrorCode.PERMISSION_DENIED, "custom says no");
			}
		}).build().start()) {
			assertThat(open.rootToken()).isNull();
			Http1 client = new Http1(open.baseUrl(), null);
			assertThat(client.get("/v1/basins", AccessTokensTests.bearer("garbage")).status()).isEqualTo(200);
			assertThat(client.get("/v1/basins").status()).isEqualTo(200);
			Http1.Response issued = client.post("/v1/access-tokens",
					"{\"id\":\"open-1\",\"scope\":{\"ops\":[\"read\"]}}");
			assertThat(issued.status()).isEqualTo(201);
			assertThat(client.get("/v1/basins", AccessTokensTests.bearer(issued.json().path("access_token").asString()))
				.status()).isEqualTo(200);
			assertThat(client.get("/v1/access-tokens").json().path("access_tokens").findValuesAsString("id"))
				.containsExactly("open-1");
			assertThat(client.delete("/v1/basins/some-basin-1").code()).isEqualTo("permission_denied");
			assertThat(client.delete("/v1/access-tokens/open-1").status()).isEqualTo(204);
		}
	}

	@Test
	void keepsTokensAcrossARestartWithADataDirectory(@TempDir Path dir) {
		String kept;
		String revoked;
		try (S2EmbeddedServer first = S2EmbeddedServer.builder()
			.dataDir(dir)
			.auth(true)
			.rootToken(AccessTokensTests.ROOT)
			.build()
			.start()) {
			Http1 client = new Http1(first.baseUrl(), null);
			kept = client
				.post("/v1/access-tokens",
						"{\"id\":\"persist-1\",\"scope\":{\"ops\":[\"list-basins\"],\"basins\":{\"prefix\":\"\"}}}",
						AccessTokensTests.root())
				.json()
				.path("access_token")
				.asString();
			revoked = client
				.post("/v1/access-tokens",
						"{\"id\":\"persist-2\",\"scope\":{\"ops\":[\"list-basins\"],\"basins\":{\"prefix\":\"\"}}}",
						AccessTokensTests.root())
				.json()
				.path("access_token")
				.asString();
			assertThat(client.delete("/v1/access-tokens/persist-2", AccessTokensTests.root()).status()).isEqualTo(204);
		}
		try (S2EmbeddedServer second = S2EmbeddedServer.builder()
			.dataDir(dir)
			.auth(true)
			.rootToken(AccessTokensTests.ROOT)
			.build()
			.start()) {
			Http1 client = new Http1(second.baseUrl(), null);
			assertThat(client.get("/v1/basins", AccessTokensTests.bearer(kept)).status()).isEqualTo(200);
			assertThat(client.get("/v1/basins", AccessTokensTests.bearer(revoked)).code()).isEqualTo("authn");
			assertThat(client.get("/v1/access-tokens", AccessTokensTests.root())
				.json()
				.path("access_tokens")
				.findValuesAsString("id")).containsExactly("persist-1");
			assertThat(client
				.post("/v1/access-tokens", "{\"id\":\"persist-1\",\"scope\":{\"ops\":[\"read\"]}}",
						AccessTokensTests.root())
				.code()).isEqualTo("resource_already_exists");
		}
	}

}
