package io.github.s2spring.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.github.s2spring.client.config.S2ClientConfig;
import io.github.s2spring.client.data.AppendAck;
import io.github.s2spring.client.data.AppendBatch;
import io.github.s2spring.client.data.AppendBatchBuilder;
import io.github.s2spring.client.data.AppendRecord;
import io.github.s2spring.client.data.AppendSession;
import io.github.s2spring.client.data.Header;
import io.github.s2spring.client.data.ReadBatch;
import io.github.s2spring.client.data.ReadOptions;
import io.github.s2spring.client.data.ReadSession;
import io.github.s2spring.client.data.S2Stream;
import io.github.s2spring.embedded.S2EmbeddedServer;
import io.github.s2spring.protocol.StreamPosition;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The examples proposed for the README, run against the embedded server.
 */
class ReadmeExampleTests {

	@Test
	void unaryAndSessionExamplesWork() {
		try (S2EmbeddedServer server = TestServers.start()) {
			S2ClientConfig config = S2ClientConfig
				.fromEnvironment(java.util.Map.of("S2_ACCESS_TOKEN", "dev", "S2_ACCOUNT_ENDPOINT", server.baseUrl(),
						"S2_BASIN_ENDPOINT", server.baseUrl()))
				.build();
			try (S2Client client = S2Client.create(config)) {
				S2Stream stream = client.basin("test-basin").stream("chat/général");

				AppendAck ack = stream.append(
						AppendBatch.of(AppendRecord.of("hello"), AppendRecord.of("world").withHeader("lang", "en")));
				ReadBatch batch = stream.read(ReadOptions.fromSeqNum(ack.start().seqNum()).withCount(10));
				StreamPosition tail = stream.checkTail();

				List<CompletableFuture<AppendAck>> acks = new ArrayList<>();
				try (AppendSession session = stream.appendSession()) {
					for (int i = 0; i < 100; i++) {
						acks.add(session.appendAsync(AppendBatch.of(AppendRecord.of("message " + i))));
					}
				}

				List<String> bodies = new ArrayList<>();
				try (ReadSession session = stream.readSession(ReadOptions.fromSeqNum(0).withCount(102))) {
					session.records().forEachRemaining((record) -> bodies.add(record.bodyAsString()));
				}

				assertThat(batch.records()).hasSize(2);
				assertThat(batch.records().get(1).headers()).containsExactly(Header.of("lang", "en"));
				assertThat(tail.seqNum()).isEqualTo(2);
				assertThat(acks.get(99).join().end().seqNum()).isEqualTo(102);
				assertThat(bodies).hasSize(102).startsWith("hello", "world", "message 0").endsWith("message 99");
				assertThat(stream.fenceAsync("writer-1", null).join().recordCount()).isEqualTo(1);
				assertThat(stream.trimAsync(2).orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join()).isNotNull();
			}
		}
	}

	@Test
	void builderExampleWorks() {
		try (S2EmbeddedServer server = TestServers.start();
				S2Client client = S2Client.create(TestServers.config(server.baseUrl()).build())) {
			S2Stream stream = client.basin(TestServers.BASIN).stream("events");
			List<byte[]> events = new ArrayList<>();
			for (int i = 0; i < 2500; i++) {
				byte[] event = new byte[1024];
				java.nio.ByteBuffer.wrap(event).putInt(i);
				events.add(event);
			}

			AppendBatchBuilder builder = AppendBatch.builder();
			try (AppendSession session = stream.appendSession()) {
				for (byte[] event : events) {
					if (!builder.fits(event.length)) {
						session.submit(builder.build()).join();
					}
					builder.add(event);
				}
				if (!builder.isEmpty()) {
					session.submit(builder.build()).join();
				}
			}

			List<Integer> read = new ArrayList<>();
			try (ReadSession session = stream.readSession(ReadOptions.fromSeqNum(0).withCount(2500))) {
				session.records().forEachRemaining((record) -> read.add(record.body().getInt()));
			}
			assertThat(read).hasSize(2500);
			for (int i = 0; i < 2500; i++) {
				assertThat(read.get(i)).isEqualTo(i);
			}
		}
	}

}
