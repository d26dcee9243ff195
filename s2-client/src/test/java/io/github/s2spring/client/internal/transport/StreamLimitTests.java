package io.github.s2spring.client.internal.transport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.github.s2spring.client.ClientStats;
import io.github.s2spring.client.S2Client;
import io.github.s2spring.client.TestServers;
import io.github.s2spring.client.config.RetryPolicy;
import io.github.s2spring.client.config.S2ClientConfig;
import io.github.s2spring.client.data.AppendAck;
import io.github.s2spring.client.data.AppendBatch;
import io.github.s2spring.client.data.AppendRecord;
import io.github.s2spring.client.data.AppendSession;
import io.github.s2spring.client.data.ReadBatch;
import io.github.s2spring.client.data.ReadOptions;
import io.github.s2spring.client.data.ReadSession;
import io.github.s2spring.client.data.S2Stream;
import io.github.s2spring.client.error.TransportException;
import io.github.s2spring.embedded.S2EmbeddedServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * How many streams a pooled connection carries: the smaller of the server's
 * {@code SETTINGS_MAX_CONCURRENT_STREAMS} and the configured cap, counted from both ends
 * of real connections. Netty refuses a stream beyond the server's limit, so every session
 * opening without an error also shows that the pool never asks for one.
 */
class StreamLimitTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	@Test
	void connectionsFollowTheServerLimitWhenNoCapIsSet() {
		try (S2EmbeddedServer server = TestServers.start(8);
				S2Client client = S2Client.create(TestServers.config(server.baseUrl()).build())) {
			List<ReadSession> readers = new ArrayList<>();
			List<AppendSession> appenders = new ArrayList<>();
			List<CompletableFuture<AppendAck>> acks = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				S2Stream stream = client.basin(TestServers.BASIN).stream("limit-" + i);
				readers.add(stream.readSession(ReadOptions.fromSeqNum(0)));
				AppendSession appender = stream.appendSession();
				appenders.add(appender);
				acks.add(appender.appendAsync(AppendBatch.of(AppendRecord.of("r" + i))));
			}
			for (int i = 0; i < 10; i++) {
				assertThat(acks.get(i).join().start().seqNum()).isZero();
				assertThat(firstRecord(readers.get(i))).isEqualTo("r" + i);
			}
			assertConnections(client, server, 3, 8);
			assertThat(connections(client).stream().mapToInt(ClientStats.Connection::activeStreams))
				.containsExactlyInAnyOrder(8, 8, 4);
			appenders.forEach(AppendSession::close);
			readers.forEach(ReadSession::close);
		}
	}

	/**
	 * A cap of 0 stands for none; the last row is the embedded server's default limit.
	 */
	@ParameterizedTest(name = "server limit {0}, cap {1}: {2} sessions on {3} connections of {4} streams")
	@CsvSource({ "8, 3, 7, 3, 3", "4, 10, 9, 3, 4", "5, 5, 10, 2, 5", "5000, 0, 200, 1, 5000" })
	void theLowerOfTheServerLimitAndTheCapWins(int serverLimit, int cap, int sessions, int connections, int limit) {
		try (S2EmbeddedServer server = TestServers.start(serverLimit)) {
			S2ClientConfig.Builder config = TestServers.config(server.baseUrl());
			if (cap > 0) {
				config.maxStreamsPerConnection(cap);
			}
			try (S2Client client = S2Client.create(config.build())) {
				List<ReadSession> open = openReadSessions(server, client, "open-", sessions);
				assertConnections(client, server, connections, limit);
				open.forEach(ReadSession::close);
			}
		}
	}

	@Test
	void slotsFreedByClosedStreamsAreReusedBeforeAnotherConnectionIsOpened() {
		try (S2EmbeddedServer server = TestServers.start(4);
				S2Client client = S2Client.create(TestServers.config(server.baseUrl()).build())) {
			List<ReadSession> first = openReadSessions(server, client, "first-", 4);
			first.forEach(ReadSession::close);
			await().atMost(WAIT).until(() -> activeStreams(client) == 0);
			List<ReadSession> second = openReadSessions(server, client, "second-", 4);
			assertConnections(client, server, 1, 4);
			second.forEach(ReadSession::close);
		}
	}

	@Test
	void aServerThatAllowsNoStreamsFailsTheCallWithoutOpeningConnectionAfterConnection() {
		try (S2EmbeddedServer server = TestServers.start(0);
				S2Client client = S2Client
					.create(TestServers.config(server.baseUrl()).retryPolicy(RetryPolicy.NONE).build())) {
			S2Stream stream = client.basin(TestServers.BASIN).stream("refused");
			assertThatExceptionOfType(TransportException.class).isThrownBy(stream::checkTail)
				.satisfies((ex) -> assertThat(ex.getMessage()).contains("SETTINGS_MAX_CONCURRENT_STREAMS is 0"));
			await().atMost(WAIT).until(() -> client.connectionCount() == 0 && server.openConnections() == 0);
		}
	}

	/**
	 * Opens read sessions on streams that hold one record each (appended by another
	 * client, whose connection is gone before the sessions open) and waits until every
	 * session has read it.
	 */
	private static List<ReadSession> openReadSessions(S2EmbeddedServer server, S2Client client, String prefix,
			int count) {
		try (S2Client writer = S2Client.create(TestServers.config(server.baseUrl()).build())) {
			for (int i = 0; i < count; i++) {
				writer.basin(TestServers.BASIN).stream(prefix + i).append(AppendBatch.of(AppendRecord.of("o" + i)));
			}
		}
		await().atMost(WAIT).until(() -> server.openConnections() == client.connectionCount());
		List<ReadSession> sessions = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			sessions.add(client.basin(TestServers.BASIN).stream(prefix + i).readSession(ReadOptions.fromSeqNum(0)));
		}
		for (int i = 0; i < count; i++) {
			assertThat(firstRecord(sessions.get(i))).isEqualTo("o" + i);
		}
		return sessions;
	}

	private static String firstRecord(ReadSession session) {
		var reader = session.batches();
		ReadBatch batch = reader.next(WAIT);
		while (batch != null && batch.isEmpty()) {
			batch = reader.next(WAIT);
		}
		assertThat(batch).isNotNull();
		assertThat(batch.records()).hasSize(1);
		return batch.records().get(0).bodyAsString();
	}

	private static void assertConnections(S2Client client, S2EmbeddedServer server, int connections, int limit) {
		List<ClientStats.Connection> pooled = connections(client);
		assertThat(pooled).hasSize(connections);
		assertThat(pooled).allSatisfy((connection) -> {
			assertThat(connection.streamLimit()).isEqualTo(limit);
			assertThat(connection.activeStreams()).isLessThanOrEqualTo(limit);
		});
		assertThat(client.connectionCount()).isEqualTo(connections);
		assertThat(server.openConnections()).isEqualTo(connections);
	}

	private static int activeStreams(S2Client client) {
		return connections(client).stream().mapToInt(ClientStats.Connection::activeStreams).sum();
	}

	private static List<ClientStats.Connection> connections(S2Client client) {
		return client.stats().connectionsTo(client.config().endpoints().basin(TestServers.BASIN).origin());
	}

}
