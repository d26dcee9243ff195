package io.github.s2spring.boot.test;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import io.github.s2spring.client.S2Client;
import io.github.s2spring.client.control.model.BasinInfo;
import io.github.s2spring.client.control.model.StreamInfo;
import io.github.s2spring.embedded.S2EmbeddedServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application context of a test annotated with {@link EmbeddedS2} talks to the
 * embedded S2 it started, where the basin and streams exist.
 */
@SpringBootTest(classes = EmbeddedS2Tests.TestApplication.class)
@EmbeddedS2(basin = "orders-basin", streams = { "orders", "orders/dlt" })
class EmbeddedS2Tests {

	@Autowired
	ApplicationContext context;

	@Autowired
	S2Client client;

	@Autowired
	Environment environment;

	@Test
	void clientTalksToTheEmbeddedServer() {
		S2EmbeddedServer server = this.context.getBean(EmbeddedS2ContextCustomizer.BEAN_NAME, S2EmbeddedServer.class);
		assertThat(this.client.config().endpoints().accountSpec()).isEqualTo(server.baseUrl());
		assertThat(this.environment.getProperty("s2.base-url")).isEqualTo(server.baseUrl());
		assertThat(this.environment.getProperty("s2.basin")).isEqualTo("orders-basin");
	}

	@Test
	void basinAndStreamsExist() {
		assertThat(this.client.basins().list()).extracting(BasinInfo::name).containsExactly("orders-basin");
		assertThat(this.client.basin("orders-basin").streams().list()).extracting(StreamInfo::name)
			.containsExactly("orders", "orders/dlt");
	}

	@Test
	void noSecondEmbeddedServerStarts() {
		assertThat(this.context.getBeansOfType(S2EmbeddedServer.class))
			.containsOnlyKeys(EmbeddedS2ContextCustomizer.BEAN_NAME);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
