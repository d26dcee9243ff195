package io.github.s2spring.embedded.junit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.s2spring.embedded.S2EmbeddedServer;
import io.github.s2spring.embedded.support.Http1;

import static org.assertj.core.api.Assertions.assertThat;

class RegisteredExtensionTests {

	@RegisterExtension
	static final S2EmbeddedExtension extension = new S2EmbeddedExtension(S2EmbeddedServer.builder().cors(false));

	@Test
	void startsFromABuilder(S2EmbeddedServer server) {
		assertThat(server.port()).isPositive();
		assertThat(new Http1(server.baseUrl(), null).get("/v1/basins", "origin", "http://x")
			.header("access-control-allow-origin")).isNull();
	}

}
