package io.github.s2spring.embedded.junit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.s2spring.embedded.S2EmbeddedServer;
import io.github.s2spring.embedded.support.Http1;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(S2EmbeddedExtension.class)
class S2EmbeddedExtensionTests {

	static S2EmbeddedServer fromBeforeAll;

	@BeforeAll
	static void capture(S2EmbeddedServer server) {
		fromBeforeAll = server;
	}

	@Test
	void injectsOneRunningServerPerClass(S2EmbeddedServer server) {
		assertThat(server).isSameAs(fromBeforeAll);
		assertThat(new Http1(server.baseUrl(), null).get("/health").status()).isEqualTo(200);
	}

}
