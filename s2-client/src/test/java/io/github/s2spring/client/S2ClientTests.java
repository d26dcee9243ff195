package io.github.s2spring.client;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.s2spring.client.config.S2ClientConfig;
import io.github.s2spring.client.data.AppendBatch;
import io.github.s2spring.client.data.AppendRecord;
import io.github.s2spring.client.data.AppendSession;
import io.github.s2spring.client.data.ReadOptions;
import io.github.s2spring.client.data.ReadSession;
import io.github.s2spring.client.data.S2Stream;
import io.github.s2spring.client.error.TransportException;
import io.github.s2spring.client.error.ValidationException;
import io.github.s2spring.embedded.S2EmbeddedServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class S2ClientTests {

	@Test
	void basinNamesAreValidatedBeforeAnyRequest() {
		try (S2Client client = S2Client.create(S2ClientConfig.builder("t").build())) {
			assertThat(client.basin("my-basin-1").name()).isEqualTo("my-basin-1");
			assertThat(client.basin("my-basin-1").client()).isSameAs(client);
			assertThat(client.basin("my-basin-1").toString()).contains("my-basin-1");
			assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> client.basin("Bad_Basin"))
				.withMessageContaining("Bad_Basin");
		}
	}

	@Test
	void aClosedClientRefusesWork() {
		S2Client client = S2Client.create(S2ClientConfig.builder("t").build());
		assertThat(client.toString()).contains("a.s2.dev");
		assertThat(client.config().accessToken()).isEqualTo("t");
		client.close();
		client.close();
		assertThat(client.isClosed()).isTrue();
		assertThatExceptionOfType(TransportException.class).isThrownBy(() -> client.basin("my-basin-1"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(TransportException.CLOSED));
	}

	@Test
	void statsCountOpenConnectionsAndSessions() {
		try (S2EmbeddedServer server = TestServers.start();
				S2Client client = S2Client.create(TestServers.config(server.baseUrl()).build())) {
			assertThat(client.stats()).isEqualTo(new ClientStats(List.of(), 0));
			S2Stream stream = client.basin(TestServers.BASIN).stream("counted");
			AppendSession append = stream.appendSession();
			ReadSession read = stream.readSession(ReadOptions.fromSeqNum(0));
			append.append(AppendBatch.of(AppendRecord.of("one")));
			assertThat(read.records().next().bodyAsString()).isEqualTo("one");
			ClientStats open = client.stats();
			assertThat(open.openSessions()).isEqualTo(2);
			assertThat(open.connectionCount()).isEqualTo(1).isEqualTo(client.connectionCount());
			String origin = client.config().endpoints().basin(TestServers.BASIN).origin();
			assertThat(open.connectionsTo(origin)).singleElement().satisfies((connection) -> {
				assertThat(connection.origin()).isEqualTo(origin);
				assertThat(connection.activeStreams()).isEqualTo(2);
				assertThat(connection.streamLimit()).isPositive();
			});
			assertThat(open.connectionsTo("http://elsewhere:1")).isEmpty();
			append.close();
			read.close();
			await().atMost(Duration.ofSeconds(10)).until(() -> client.stats().openSessions() == 0);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> client.stats().connectionsTo(origin).get(0).activeStreams() == 0);
		}
	}

}
