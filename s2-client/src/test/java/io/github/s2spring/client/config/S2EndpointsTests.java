package io.github.s2spring.client.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class S2EndpointsTests {

	@Test
	void cloudDefaultsUseSubdomainRoutingWithoutBasinHeader() {
		S2Endpoints endpoints = S2Endpoints.cloud();
		assertThat(endpoints.account().toString()).isEqualTo("https://a.s2.dev:443/v1");
		assertThat(endpoints.basin("my-basin-123").toString()).isEqualTo("https://my-basin-123.b.s2.dev:443/v1");
		assertThat(endpoints.sendsBasinHeader()).isFalse();
	}

	@Test
	void explicitHttpEndpointWithoutPathGetsV1AndBasinHeader() {
		S2Endpoints endpoints = S2Endpoints.single("http://127.0.0.1:8080");
		assertThat(endpoints.account().baseUri().toString()).isEqualTo("http://127.0.0.1:8080/v1");
		assertThat(endpoints.basin("my-basin-123").origin()).isEqualTo("http://127.0.0.1:8080");
		assertThat(endpoints.basin("my-basin-123").path("/streams")).isEqualTo("/v1/streams");
		assertThat(endpoints.sendsBasinHeader()).isTrue();
		assertThat(endpoints.account().secure()).isFalse();
	}

	@Test
	void missingSchemeMeansHttpsAndDefaultPort() {
		Endpoint account = S2Endpoints.of("127.0.0.1:8080", S2Endpoints.DEFAULT_BASIN_ENDPOINT).account();
		assertThat(account.toString()).isEqualTo("https://127.0.0.1:8080/v1");
		assertThat(S2Endpoints.of("example.com", "example.com").account().port()).isEqualTo(443);
		assertThat(S2Endpoints.of("http://example.com", "example.com").account().port()).isEqualTo(80);
	}

	@Test
	void explicitPathReplacesV1EvenBareSlash() {
		S2Endpoints endpoints = S2Endpoints.of("http://127.0.0.1:8080/", "http://h:1/api/v2/");
		assertThat(endpoints.account().basePath()).isEmpty();
		assertThat(endpoints.account().path("/basins")).isEqualTo("/basins");
		assertThat(endpoints.basin("abcdefgh").basePath()).isEqualTo("/api/v2");
	}

	@Test
	void basinTemplateInHostIsSubstitutedVerbatimWithoutHeader() {
		S2Endpoints endpoints = S2Endpoints.of("http://a:1", "http://{basin}.localhost:8080");
		assertThat(endpoints.basin("my-basin-123").toString()).isEqualTo("http://my-basin-123.localhost:8080/v1");
		assertThat(endpoints.sendsBasinHeader()).isFalse();
	}

	@Test
	void basinTemplateInPathIsPercentEncodedAndSendsHeader() {
		S2Endpoints endpoints = S2Endpoints.of("http://a:1", "http://127.0.0.1:8080/basins/{basin}/v1");
		assertThat(endpoints.basin("my-basin-123").basePath()).isEqualTo("/basins/my-basin-123/v1");
		assertThat(endpoints.sendsBasinHeader()).isTrue();
	}

	@Test
	void ipv6HostsAreBracketedInTheAuthority() {
		Endpoint endpoint = S2Endpoints.single("http://[::1]:4243").account();
		assertThat(endpoint.host()).isEqualTo("::1");
		assertThat(endpoint.authority()).isEqualTo("[::1]:4243");
		assertThat(S2Endpoints.single("https://[::1]").account().port()).isEqualTo(443);
	}

	@Test
	void malformedEndpointsAreRejectedNamingTheEndpoint() {
		assertThatIllegalArgumentException().isThrownBy(() -> S2Endpoints.single("ftp://host"))
			.withMessageContaining("Invalid account endpoint \"ftp://host\"")
			.withMessageContaining("scheme");
		assertThatIllegalArgumentException().isThrownBy(() -> S2Endpoints.of("http://a", "http://h?x=1"))
			.withMessageContaining("basin endpoint")
			.withMessageContaining("query");
		assertThatIllegalArgumentException().isThrownBy(() -> S2Endpoints.single("http://h#frag"));
		assertThatIllegalArgumentException().isThrownBy(() -> S2Endpoints.single(" "));
		assertThatIllegalArgumentException().isThrownBy(() -> S2Endpoints.single("http://h:0"))
			.withMessageContaining("port");
		assertThatIllegalArgumentException().isThrownBy(() -> S2Endpoints.single("http://h:x"));
		assertThatIllegalArgumentException().isThrownBy(() -> S2Endpoints.single("http://:80"))
			.withMessageContaining("host is empty");
		assertThatIllegalArgumentException().isThrownBy(() -> S2Endpoints.single("http://[::1"));
		assertThatIllegalArgumentException().isThrownBy(() -> S2Endpoints.single("http://[::1]x"));
		assertThatIllegalArgumentException().isThrownBy(() -> S2Endpoints.single("http://u@h"));
		assertThatIllegalArgumentException().isThrownBy(() -> S2Endpoints.of("http://{basin}.h", "http://h"))
			.withMessageContaining("{basin}");
	}

	@Test
	void endpointsCompareByTheirConfiguredText() {
		S2Endpoints a = S2Endpoints.of("http://a:1", "http://b:2");
		assertThat(a).isEqualTo(S2Endpoints.of("http://a:1", "http://b:2"))
			.hasSameHashCodeAs(S2Endpoints.of("http://a:1", "http://b:2"));
		assertThat(a).isNotEqualTo(S2Endpoints.single("http://a:1"));
		assertThat(a.accountSpec()).isEqualTo("http://a:1");
		assertThat(a.basinSpec()).isEqualTo("http://b:2");
		assertThat(a.toString()).contains("http://a:1", "http://b:2");
	}

	@Test
	void endpointRejectsInvalidParts() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Endpoint("ws", "h", 1, ""));
		assertThatIllegalArgumentException().isThrownBy(() -> new Endpoint("http", "", 1, ""));
		assertThatIllegalArgumentException().isThrownBy(() -> new Endpoint("http", "h", 70000, ""));
	}

	@Test
	void pathSegmentsPercentEncodeEverythingButUnreserved() {
		assertThat(PathSegments.encode("chat/général x")).isEqualTo("chat%2Fg%C3%A9n%C3%A9ral%20x");
		assertThat(PathSegments.encode("a-b.c_d~e")).isEqualTo("a-b.c_d~e");
		assertThat(PathSegments.encode("a+b%")).isEqualTo("a%2Bb%25");
	}

}
