package io.github.s2spring.client.restart;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.github.s2spring.client.data.SequencedRecord;

import io.github.s2spring.client.config.RetryPolicy;
import io.github.s2spring.client.S2Client;
import io.github.s2spring.client.config.S2ClientConfig;
import io.github.s2spring.client.config.S2Endpoints;
import io.github.s2spring.client.TestServers;
import io.github.s2spring.client.data.AppendBatch;
import io.github.s2spring.client.data.AppendRecord;
import io.github.s2spring.client.data.ReadOptions;
import io.github.s2spring.client.data.ReadSession;
import io.github.s2spring.client.data.S2Stream;
import io.github.s2spring.client.data.SessionState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A read session that follows the tail of a stream where nothing is appended outlives
 * every restart of its server, however many and however spread out.
 */
class QuietFollowerTests {

	@TempDir
	Path dir;

	private static S2Client client(String baseUrl) {
		return S2Client.create(S2ClientConfig.builder("test-token")
			.endpoints(S2Endpoints.single(baseUrl))
			.sessionRetryPolicy(RetryPolicy.unlimited(Duration.ofMillis(20), Duration.ofMillis(200)))
			.build());
	}

	@Test
	void aTailFollowerSurvivesTenGracefulRestartsThenReceivesTheNextRecord() throws Exception {
		try (RestartableServer server = RestartableServer.start(this.dir); S2Client client = client(server.baseUrl())) {
			follow(client, server::restart, 10);
		}
	}

	@Test
	void aTailFollowerSurvivesKillNinesThenReceivesTheNextRecord() throws Exception {
		try (ServerProcess server = new ServerProcess(this.dir); S2Client client = client(server.baseUrl())) {
			follow(client, () -> {
				server.kill();
				server.start();
			}, 3);
		}
	}

	private static void follow(S2Client client, RestartScenario.Interruption restart, int restarts) throws Exception {
		S2Stream stream = client.basin(TestServers.BASIN).stream("quiet");
		stream.append(AppendBatch.of(AppendRecord.of("before")));
		try (ReadSession session = stream.readSession(ReadOptions.fromTail())) {
			Iterator<SequencedRecord> records = session.records();
			CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> records.next().bodyAsString());
			await().atMost(Duration.ofSeconds(10)).until(session::isCaughtUp);
			for (int i = 1; i <= restarts; i++) {
				long before = session.state().reconnects();
				restart.interrupt();
				await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
					SessionState state = session.state();
					assertThat(state.reconnects()).as(state::toString).isGreaterThan(before);
					assertThat(state.phase()).isEqualTo(SessionState.Phase.CONNECTED);
				});
			}
			assertThat(session.state().reconnects()).isGreaterThanOrEqualTo(restarts);
			assertThat(first).isNotDone();
			stream.append(AppendBatch.of(AppendRecord.of("after the restarts")));
			assertThat(first.get(20, TimeUnit.SECONDS)).isEqualTo("after the restarts");
			assertThat(session.nextSeqNum()).isEqualTo(2);
		}
	}

}
