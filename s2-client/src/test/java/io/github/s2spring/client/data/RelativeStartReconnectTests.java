package io.github.s2spring.client.data;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.s2spring.client.S2Client;
import io.github.s2spring.client.TestServers;
import io.github.s2spring.embedded.junit.FaultProxy;
import io.github.s2spring.embedded.S2EmbeddedServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A session that starts at the tail, a tail offset or a timestamp and loses its
 * connection (TCP reset) before its first record resumes from the position it learned
 * first, so records appended while it was away are not skipped.
 */
class RelativeStartReconnectTests {

	private S2EmbeddedServer server;

	private FaultProxy proxy;

	private S2Client direct;

	private S2Client proxied;

	@BeforeEach
	void start() throws Exception {
		this.server = TestServers.start();
		this.proxy = new FaultProxy(this.server.port());
		this.direct = S2Client.create(TestServers.config(this.server.baseUrl()).build());
		this.proxied = S2Client.create(TestServers.config(this.proxy.baseUrl()).build());
	}

	@AfterEach
	void stop() throws Exception {
		this.proxied.close();
		this.direct.close();
		this.proxy.close();
		this.server.close();
	}

	@ParameterizedTest
	@ValueSource(strings = { "tail", "tail-offset", "timestamp" })
	void aRelativeStartResumesFromTheFirstPositionItLearned(String start) throws Exception {
		S2Stream writer = this.direct.basin(TestServers.BASIN).stream("relative-" + start);
		for (int i = 0; i < 3; i++) {
			writer.append(AppendBatch.of(AppendRecord.of("old" + i)));
		}
		Function<Long, ReadOptions> options = switch (start) {
			case "tail" -> (now) -> ReadOptions.fromTail();
			case "tail-offset" -> (now) -> ReadOptions.fromTailOffset(0);
			default -> (now) -> ReadOptions.fromTimestamp(now).withClamp(true);
		};
		ReadOptions from = options.apply(System.currentTimeMillis() + 1);
		S2Stream reader = this.proxied.basin(TestServers.BASIN).stream("relative-" + start);
		try (ReadSession session = reader.readSession(from)) {
			RecordReader batches = session.batches();
			await().atMost(Duration.ofSeconds(10)).until(() -> session.nextSeqNum() == 3);
			this.proxy.refuse(true);
			this.proxy.reset();
			await().atMost(Duration.ofSeconds(10))
				.until(() -> session.state().phase() == SessionState.Phase.RECONNECTING
						&& session.state().lastFailure() != null);
			for (int i = 0; i < 2; i++) {
				writer.append(AppendBatch.of(AppendRecord.of("while away " + i)));
			}
			this.proxy.refuse(false);
			List<String> bodies = new ArrayList<>();
			List<Long> seqNums = new ArrayList<>();
			while (bodies.size() < 2) {
				ReadBatch batch = batches.next(Duration.ofSeconds(20));
				assertThat(batch).isNotNull();
				batch.records().forEach((record) -> {
					bodies.add(record.bodyAsString());
					seqNums.add(record.seqNum());
				});
			}
			assertThat(bodies).containsExactly("while away 0", "while away 1");
			assertThat(seqNums).containsExactly(3L, 4L);
			assertThat(session.state().reconnects()).isPositive();
			session.closeAsync().get(10, TimeUnit.SECONDS);
		}
	}

}
