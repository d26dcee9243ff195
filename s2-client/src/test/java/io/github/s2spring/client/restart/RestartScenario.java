package io.github.s2spring.client.restart;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.s2spring.client.data.SequencedRecord;

import io.github.s2spring.client.S2Client;
import io.github.s2spring.client.config.S2ClientConfig;
import io.github.s2spring.client.config.S2Endpoints;
import io.github.s2spring.client.TestServers;
import io.github.s2spring.client.data.AppendAck;
import io.github.s2spring.client.data.AppendBatch;
import io.github.s2spring.client.data.AppendRecord;
import io.github.s2spring.client.data.AppendSession;
import io.github.s2spring.client.data.ReadOptions;
import io.github.s2spring.client.data.ReadSession;
import io.github.s2spring.client.data.S2Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scenario of issue 10: a read session from seq num 0 with no limits, iterated on a
 * thread, while single-record batches are appended through an append session; halfway,
 * the server goes away and comes back. The client keeps its defaults (the session retry
 * policy is unlimited).
 */
final class RestartScenario {

	static final int RECORDS = 3000;

	private RestartScenario() {
	}

	static S2Client client(String baseUrl) {
		return S2Client.create(S2ClientConfig.builder("test-token").endpoints(S2Endpoints.single(baseUrl)).build());
	}

	/**
	 * Runs the scenario and checks its outcome.
	 * @param baseUrl the server
	 * @param interruption what happens to the server halfway
	 * @param exactlyOnce whether every submitted batch must be in the stream exactly once
	 * (a graceful restart), or only every acknowledged one at its acknowledged position
	 * (a crash may keep a batch whose acknowledgement was lost, and the resend then adds
	 * it again)
	 */
	static void run(String baseUrl, Interruption interruption, boolean exactlyOnce) throws Exception {
		try (S2Client client = client(baseUrl)) {
			S2Stream stream = client.basin(TestServers.BASIN).stream("restart");
			ReadSession reading = stream.readSession(ReadOptions.fromSeqNum(0));
			CompletableFuture<List<SequencedRecord>> read = new CompletableFuture<>();
			Thread reader = new Thread(() -> {
				List<SequencedRecord> records = new ArrayList<>();
				try {
					for (Iterator<SequencedRecord> it = reading.records(); it.hasNext();) {
						SequencedRecord record = it.next();
						records.add(record);
						if (records.size() == RECORDS && exactlyOnce) {
							break;
						}
					}
					read.complete(records);
				}
				catch (RuntimeException ex) {
					read.completeExceptionally(ex);
				}
			}, "restart-reader");
			reader.start();
			List<AppendAck> acks = new ArrayList<>();
			long appendReconnects;
			try (AppendSession appending = stream.appendSession()) {
				List<CompletableFuture<AppendAck>> pending = new ArrayList<>();
				for (int i = 0; i < RECORDS; i++) {
					if (i == RECORDS / 2) {
						interruption.interrupt();
					}
					pending.add(
							appending.submit(AppendBatch.of(AppendRecord.of("r" + i))).get(60, TimeUnit.SECONDS).ack());
				}
				for (CompletableFuture<AppendAck> ack : pending) {
					acks.add(ack.get(60, TimeUnit.SECONDS));
				}
				appendReconnects = appending.state().reconnects();
			}
			assertThat(appendReconnects).isPositive();
			long tail = stream.checkTail().seqNum();
			if (exactlyOnce) {
				assertThat(tail).isEqualTo(RECORDS);
			}
			else {
				org.awaitility.Awaitility.await()
					.atMost(Duration.ofSeconds(60))
					.until(() -> reading.nextSeqNum() == tail);
				reading.close();
			}
			List<SequencedRecord> records = read.get(60, TimeUnit.SECONDS);
			assertThat(reading.state().reconnects()).isPositive();
			reader.join();
			assertThat(records).extracting(SequencedRecord::seqNum)
				.containsExactlyElementsOf(java.util.stream.LongStream.range(0, tail).boxed().toList());
			List<String> bodies = records.stream().map((r) -> r.bodyAsString()).toList();
			for (int i = 0; i < RECORDS; i++) {
				AppendAck ack = acks.get(i);
				assertThat(ack.end().seqNum() - ack.start().seqNum()).isEqualTo(1);
				assertThat(bodies.get((int) ack.start().seqNum())).isEqualTo("r" + i);
			}
			Set<Long> starts = new HashSet<>();
			acks.forEach((ack) -> starts.add(ack.start().seqNum()));
			assertThat(starts).hasSize(RECORDS);
			if (exactlyOnce) {
				assertThat(bodies).containsExactlyElementsOf(
						java.util.stream.IntStream.range(0, RECORDS).mapToObj((i) -> "r" + i).toList());
			}
			else {
				assertThat(new HashSet<>(bodies)).hasSize(RECORDS);
			}
		}
	}

	/**
	 * What happens to the server halfway.
	 */
	@FunctionalInterface
	interface Interruption {

		void interrupt() throws Exception;

	}

}
