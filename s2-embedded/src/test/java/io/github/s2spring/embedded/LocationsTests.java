package io.github.s2spring.embedded;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.s2spring.embedded.junit.S2EmbeddedExtension;
import io.github.s2spring.embedded.support.Http1;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(S2EmbeddedExtension.class)
class LocationsTests {

	static final String LOCAL = "{\"name\":\"local\",\"is_private\":false}";

	static Http1 http;

	@BeforeAll
	static void connect(S2EmbeddedServer server) {
		http = new Http1(server.baseUrl(), null);
	}

	@Test
	void servesOneLocationThatIsTheDefault() {
		Http1.Response list = http.get("/v1/locations");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).isEqualTo("[" + LOCAL + "]");
		assertThat(http.get("/v1/locations/default").body()).isEqualTo(LOCAL);
	}

	@Test
	void theDefaultCanBeSetToAServedLocation() {
		Http1.Response set = http.put("/v1/locations/default", "\"local\"");
		assertThat(set.status()).isEqualTo(200);
		assertThat(set.body()).isEqualTo(LOCAL);
		assertThat(http.get("/v1/locations/default").body()).isEqualTo(LOCAL);
	}

	@Test
	void anUnknownLocationIsInvalid() {
		Http1.Response unknown = http.put("/v1/locations/default", "\"aws:us-east-1\"");
		assertThat(unknown.status()).isEqualTo(422);
		assertThat(unknown.code()).isEqualTo("invalid");
		assertThat(unknown.json().path("message").asString())
			.isEqualTo("Location `aws:us-east-1` is not available; available locations: local");
		assertThat(http.get("/v1/locations/default").body()).isEqualTo(LOCAL);
		for (String body : new String[] { "\"aws us-east-1\"", "\"\"", "{}", "null", "7", "", "\"x" }) {
			Http1.Response malformed = http.put("/v1/locations/default", body);
			assertThat(malformed.status()).as(body).isEqualTo(400);
			assertThat(malformed.code()).as(body).isEqualTo("bad_json");
		}
	}

	@Test
	void basinsAreCreatedInTheLocationTheyNameOrTheDefault() {
		Http1.Response named = http.post("/v1/basins", "{\"basin\":\"located-basin-1\",\"location\":\"local\"}");
		assertThat(named.status()).isEqualTo(201);
		assertThat(named.json().path("location").asString()).isEqualTo("local");
		Http1.Response unnamed = http.post("/v1/basins", "{\"basin\":\"located-basin-2\",\"location\":null}");
		assertThat(unnamed.json().path("location").asString()).isEqualTo("local");
		Http1.Response ensured = http.put("/v1/basins/located-basin-3", "{\"location\":\"local\",\"config\":null}");
		assertThat(ensured.status()).isEqualTo(201);
		assertThat(ensured.json().path("location").asString()).isEqualTo("local");
		assertThat(http.put("/v1/basins/located-basin-3", "{\"location\":\"local\"}").header("s2-provision-result"))
			.isEqualTo("noop");
		assertThat(http.get("/v1/basins?prefix=located-basin-").json().findValuesAsString("location"))
			.containsExactly("local", "local", "local");
	}

	@Test
	void aBasinInAnUnknownLocationIsNotCreated() {
		Http1.Response unknown = http.post("/v1/basins", "{\"basin\":\"elsewhere-basin-1\",\"location\":\"mars\"}");
		assertThat(unknown.status()).isEqualTo(422);
		assertThat(unknown.code()).isEqualTo("invalid");
		assertThat(unknown.json().path("message").asString()).contains("Location `mars` is not available");
		assertThat(http.put("/v1/basins/elsewhere-basin-2", "{\"location\":\"mars\"}").status()).isEqualTo(422);
		assertThat(http.post("/v1/basins", "{\"basin\":\"elsewhere-basin-3\",\"location\":5}").code())
			.isEqualTo("bad_json");
		assertThat(http.post("/v1/basins", "{\"basin\":\"elsewhere-basin-3\",\"location\":\"a b\"}").code())
			.isEqualTo("bad_json");
		assertThat(http.get("/v1/basins?prefix=elsewhere-").json().path("basins")).isEmpty();
	}

	@Test
	void locationOperationsNeedTheirPermissions() {
		try (S2EmbeddedServer secured = S2EmbeddedServer.builder().auth(true).rootToken("loc-root").build().start()) {
			Http1 client = new Http1(secured.baseUrl(), null);
			assertThat(client.get("/v1/locations").code()).isEqualTo("authn");
			assertThat(client.get("/v1/locations", "authorization", "Bearer loc-root").body())
				.isEqualTo("[" + LOCAL + "]");
			Http1.Response issued = client.post("/v1/access-tokens",
					"{\"id\":\"reader\",\"scope\":{\"ops\":[\"list-locations\",\"get-default-location\"]}}",
					"authorization", "Bearer loc-root");
			String reader = issued.json().path("access_token").asString();
			assertThat(client.get("/v1/locations/default", "authorization", "Bearer " + reader).body())
				.isEqualTo(LOCAL);
			Http1.Response denied = client.put("/v1/locations/default", "\"local\"", "authorization",
					"Bearer " + reader);
			assertThat(denied.status()).isEqualTo(403);
			assertThat(denied.code()).isEqualTo("permission_denied");
		}
	}

}
