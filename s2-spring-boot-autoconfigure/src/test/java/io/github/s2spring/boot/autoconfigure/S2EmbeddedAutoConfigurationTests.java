package io.github.s2spring.boot.autoconfigure;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.s2spring.client.S2Client;
import io.github.s2spring.client.control.model.BasinInfo;
import io.github.s2spring.client.control.model.CreateStreamRequest;
import io.github.s2spring.client.control.model.StreamInfo;
import io.github.s2spring.core.S2BasinDeclaration;
import io.github.s2spring.embedded.S2EmbeddedServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When an embedded S2 starts, and when it must not.
 */
@ExtendWith(OutputCaptureExtension.class)
class S2EmbeddedAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(S2EmbeddedAutoConfiguration.class, S2AutoConfiguration.class));

	@Test
	void startsWhenNoConnectionIsConfigured(CapturedOutput output) {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(S2EmbeddedServer.class).hasSingleBean(S2BasinDeclaration.class);
			S2EmbeddedServer server = context.getBean(S2EmbeddedServer.class);
			S2Client client = context.getBean(S2Client.class);
			assertThat(client.config().endpoints().accountSpec()).isEqualTo(server.baseUrl());
			assertThat(client.config().endpoints().basinSpec()).isEqualTo(server.baseUrl());
			assertThat(client.basins().list()).extracting(BasinInfo::name)
				.containsExactly(S2EmbeddedAutoConfiguration.DEFAULT_BASIN);
			assertThat(output)
				.contains("Embedded S2 started at " + server.baseUrl() + " (in memory, basin 's2-local')");
		});
	}

	@Test
	void createsTheConfiguredBasin() {
		this.runner.withPropertyValues("s2.basin=chat-app-basin").run((context) -> {
			S2Client client = context.getBean(S2Client.class);
			assertThat(client.basins().list()).extracting(BasinInfo::name).containsExactly("chat-app-basin");
		});
	}

	@Test
	void stopsWithTheContext() {
		S2EmbeddedServer[] server = new S2EmbeddedServer[1];
		this.runner.run((context) -> server[0] = context.getBean(S2EmbeddedServer.class));
		assertThat(server[0].openConnections()).isZero();
		assertThat(server[0].toString()).isNotNull();
	}

	@Test
	void keepsDataInTheDataDirAcrossRestarts(@TempDir Path dataDir) {
		ApplicationContextRunner durable = this.runner.withPropertyValues("s2.embedded.data-dir=" + dataDir,
				"s2.basin=durable-basin");
		durable.run((context) -> context.getBean(S2Client.class)
			.basin("durable-basin")
			.streams()
			.create(CreateStreamRequest.of("kept")));
		durable.run((context) -> assertThat(context.getBean(S2Client.class).basin("durable-basin").streams().list())
			.extracting(StreamInfo::name)
			.containsExactly("kept"));
	}

	@Test
	void listensOnTheConfiguredPort() {
		int port = freePort();
		this.runner.withPropertyValues("s2.embedded.port=" + port)
			.run((context) -> assertThat(context.getBean(S2EmbeddedServer.class).port()).isEqualTo(port));
	}

	@Test
	void doesNotStartWhenABaseUrlIsSet() {
		this.runner.withPropertyValues("s2.base-url=http://localhost:4243")
			.run((context) -> assertThat(context).doesNotHaveBean(S2EmbeddedServer.class)
				.hasSingleBean(S2Client.class));
	}

	@Test
	void doesNotStartWhenATokenIsSet() {
		this.runner.withPropertyValues("s2.token=secret")
			.run((context) -> assertThat(context).doesNotHaveBean(S2EmbeddedServer.class));
	}

	@Test
	void doesNotStartWhenOnlyOneEndpointIsSetAndSaysWhichIsMissing() {
		this.runner.withPropertyValues("s2.accountEndpoint=http://localhost:4243").run((context) -> {
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(S2ConnectionNotConfiguredException.class)
				.hasMessageStartingWith("s2.basin-endpoint is not set");
		});
		this.runner.withPropertyValues("s2.basinEndpoint=http://localhost:4243").run((context) -> {
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageStartingWith("s2.account-endpoint is not set");
		});
	}

	@Test
	void startsWhenTheTokenIsBlank() {
		this.runner.withPropertyValues("s2.token=")
			.run((context) -> assertThat(context).hasSingleBean(S2EmbeddedServer.class));
	}

	@Test
	void doesNotStartWhenDisabled() {
		this.runner.withPropertyValues("s2.embedded.enabled=false")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(S2ConnectionNotConfiguredException.class));
	}

	@Test
	void doesNotStartWhenTheApplicationDefinesConnectionDetails() {
		this.runner.withUserConfiguration(S2AutoConfigurationTests.CustomConnectionDetails.class)
			.run((context) -> assertThat(context).doesNotHaveBean(S2EmbeddedServer.class));
	}

	private static int freePort() {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
