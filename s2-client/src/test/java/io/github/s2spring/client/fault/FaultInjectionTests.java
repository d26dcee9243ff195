package io.github.s2spring.client.fault;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.s2spring.client.S2Client;
import io.github.s2spring.client.TestServers;
import io.github.s2spring.client.config.AppendRetryPolicy;
import io.github.s2spring.client.config.RetryPolicy;
import io.github.s2spring.client.data.AppendAck;
import io.github.s2spring.client.data.AppendBatch;
import io.github.s2spring.client.data.AppendRecord;
import io.github.s2spring.client.data.AppendSession;
import io.github.s2spring.client.data.AppendSessionOptions;
import io.github.s2spring.client.data.ReadBatch;
import io.github.s2spring.client.data.ReadOptions;
import io.github.s2spring.client.data.ReadSession;
import io.github.s2spring.client.data.RecordReader;
import io.github.s2spring.client.data.S2Stream;
import io.github.s2spring.client.data.SequencedRecord;
import io.github.s2spring.client.error.S2Exception;
import io.github.s2spring.client.error.SeqNumMismatchException;
import io.github.s2spring.embedded.S2EmbeddedServer;
import io.github.s2spring.embedded.junit.FaultProxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Faults injected on real TCP connections between the client and the embedded server.
 */
class FaultInjectionTests {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private S2EmbeddedServer server;

	private FaultProxy proxy;

	private S2Client direct;

	@BeforeEach
	void start() throws IOException {
		this.server = TestServers.start();
		this.proxy = new FaultProxy(this.server.port());
		this.direct = S2Client.create(TestServers.config(this.server.baseUrl()).build());
	}

	@AfterEach
	void stop() throws IOException {
		this.direct.close();
		this.proxy.close();
		this.server.close();
	}

	private S2Client proxied(AppendRetryPolicy policy) {
		return S2Client.create(TestServers.config(this.proxy.baseUrl())
			.appendRetryPolicy(policy)
			.retryPolicy(new RetryPolicy(10, Duration.ofMillis(20), Duration.ofMillis(200)))
			.sessionRetryPolicy(new RetryPolicy(10, Duration.ofMillis(20), Duration.ofMillis(200)))
			.requestTimeout(Duration.ofSeconds(2))
			.heartbeatTimeout(Duration.ofSeconds(2))
			.build());
	}

	private List<SequencedRecord> storedRecords(String streamName) {
		S2Stream stream = this.direct.basin(TestServers.BASIN).stream(streamName);
		long tail = stream.checkTail().seqNum();
		List<SequencedRecord> records = new ArrayList<>();
		while (records.size() < tail) {
			records.addAll(stream.read(ReadOptions.fromSeqNum(records.size())).records());
		}
		return records;
	}

	@Test
	void resetDuringAnAppendSessionWithMatchSeqNumLosesNoAcknowledgedBatchAndDuplicatesNone() {
		try (S2Client client = proxied(AppendRetryPolicy.ALL)) {
			S2Stream stream = client.basin(TestServers.BASIN).stream("reset-append-match");
			AppendSession session = stream.appendSession();
			List<CompletableFuture<AppendAck>> acks = new ArrayList<>();
			for (int i = 0; i < 300; i++) {
				acks.add(session.appendAsync(AppendBatch.of(AppendRecord.of("r" + i)).withMatchSeqNum(i)));
				if (i == 150) {
					acks.get(100).join();
					this.proxy.reset();
				}
			}
			for (CompletableFuture<AppendAck> ack : acks) {
				try {
					ack.join();
				}
				catch (CompletionException ex) {
					assertThat(ex.getCause()).isInstanceOf(SeqNumMismatchException.class);
				}
			}
			List<SequencedRecord> stored = storedRecords("reset-append-match");
			for (int i = 0; i < stored.size(); i++) {
				assertThat(stored.get(i).bodyAsString()).isEqualTo("r" + i);
			}
			for (int i = 0; i < acks.size(); i++) {
				if (!acks.get(i).isCompletedExceptionally()) {
					assertThat(acks.get(i).join().start().seqNum()).isEqualTo(i);
					assertThat(i).isLessThan(stored.size());
				}
			}
		}
	}

	@Test
	void resetDuringAnAppendSessionResendsUnacknowledgedBatchesInOrder() {
		try (S2Client client = proxied(AppendRetryPolicy.ALL)) {
			S2Stream stream = client.basin(TestServers.BASIN).stream("reset-append-all");
			List<CompletableFuture<AppendAck>> acks = new ArrayList<>();
			try (AppendSession session = stream.appendSession()) {
				for (int i = 0; i < 300; i++) {
					acks.add(session.appendAsync(AppendBatch.of(AppendRecord.of("r" + i))));
					if (i == 100 || i == 200) {
						acks.get(i - 50).join();
						this.proxy.reset();
					}
				}
			}
			List<SequencedRecord> stored = storedRecords("reset-append-all");
			for (int i = 0; i < acks.size(); i++) {
				AppendAck ack = acks.get(i).join();
				assertThat(stored.get((int) ack.start().seqNum()).bodyAsString()).isEqualTo("r" + i);
			}
			List<String> firstOccurrences = new ArrayList<>();
			Set<String> seen = new HashSet<>();
			for (SequencedRecord record : stored) {
				if (seen.add(record.bodyAsString())) {
					firstOccurrences.add(record.bodyAsString());
				}
			}
			assertThat(firstOccurrences).hasSize(300);
			for (int i = 0; i < 300; i++) {
				assertThat(firstOccurrences.get(i)).isEqualTo("r" + i);
			}
			assertThat(this.proxy.acceptedConnections()).isGreaterThan(1);
		}
	}

	@Test
	void resetDuringAnAppendSessionWithNoSideEffectsPolicyFailsInsteadOfRiskingDuplicates() {
		try (S2Client client = proxied(AppendRetryPolicy.NO_SIDE_EFFECTS)) {
			S2Stream stream = client.basin(TestServers.BASIN).stream("reset-append-nse");
			AppendSession session = stream.appendSession();
			List<CompletableFuture<AppendAck>> acks = new ArrayList<>();
			for (int i = 0; i < 200; i++) {
				acks.add(session.appendAsync(AppendBatch.of(AppendRecord.of("r" + i))));
				if (i == 100) {
					acks.get(50).join();
					this.proxy.reset();
				}
			}
			int acknowledged = 0;
			for (CompletableFuture<AppendAck> ack : acks) {
				try {
					ack.join();
					acknowledged++;
				}
				catch (CompletionException ex) {
					assertThat(ex.getCause()).isInstanceOf(S2Exception.class);
					assertThat(((S2Exception) ex.getCause()).noSideEffects()).isFalse();
				}
			}
			List<SequencedRecord> stored = storedRecords("reset-append-nse");
			assertThat(stored.size()).isGreaterThanOrEqualTo(acknowledged);
			for (int i = 0; i < stored.size(); i++) {
				assertThat(stored.get(i).bodyAsString()).isEqualTo("r" + i);
			}
		}
	}

	@Test
	void resetDuringAReadSessionResumesWithNoGapAndNoRepeat() {
		S2Stream writer = this.direct.basin(TestServers.BASIN).stream("reset-read");
		List<AppendRecord> records = new ArrayList<>();
		for (int i = 0; i < 3000; i++) {
			records.add(AppendRecord.of("r" + i + "-" + "x".repeat(200)));
		}
		for (AppendBatch batch : AppendBatch.pack(records)) {
			writer.append(batch);
		}
		this.proxy.bandwidth(200_000);
		try (S2Client client = proxied(AppendRetryPolicy.ALL)) {
			ReadSession session = client.basin(TestServers.BASIN)
				.stream("reset-read")
				.readSession(ReadOptions.fromSeqNum(0).withCount(3000));
			List<Long> seqNums = new ArrayList<>();
			int resets = 0;
			for (SequencedRecord record : (Iterable<SequencedRecord>) session::records) {
				seqNums.add(record.seqNum());
				assertThat(record.bodyAsString()).startsWith("r" + record.seqNum() + "-");
				if ((seqNums.size() == 500 || seqNums.size() == 1500) && resets < 2) {
					this.proxy.reset();
					resets++;
				}
			}
			assertThat(seqNums).hasSize(3000);
			for (int i = 0; i < seqNums.size(); i++) {
				assertThat(seqNums.get(i)).isEqualTo(i);
			}
			assertThat(this.proxy.acceptedConnections()).isGreaterThan(1);
		}
	}

	@Test
	void aBlackholedReadSessionIsDetectedByTheWatchdogAndRecovers() {
		S2Stream writer = this.direct.basin(TestServers.BASIN).stream("blackhole-read");
		writer.append(AppendBatch.of(AppendRecord.of("before")));
		try (S2Client client = proxied(AppendRetryPolicy.ALL)) {
			ReadSession session = client.basin(TestServers.BASIN)
				.stream("blackhole-read")
				.readSession(ReadOptions.fromSeqNum(0));
			RecordReader reader = session.batches();
			assertThat(reader.next(PATIENCE).records()).hasSize(1);
			this.proxy.blackhole();
			writer.append(AppendBatch.of(AppendRecord.of("during")));
			ReadBatch next = reader.next(PATIENCE);
			assertThat(next).isNotNull();
			assertThat(next.records()).extracting((r) -> r.bodyAsString()).containsExactly("during");
			assertThat(next.records().get(0).seqNum()).isEqualTo(1);
			session.close();
		}
	}

	@Test
	void aBlackholedAppendSessionIsDetectedByTheAckTimeoutAndRecovers() {
		try (S2Client client = proxied(AppendRetryPolicy.ALL)) {
			S2Stream stream = client.basin(TestServers.BASIN).stream("blackhole-append");
			try (AppendSession session = stream
				.appendSession(AppendSessionOptions.defaults().withAckTimeout(Duration.ofSeconds(1)))) {
				assertThat(session.append(AppendBatch.of(AppendRecord.of("a"))).start().seqNum()).isZero();
				this.proxy.blackhole();
				AppendAck ack = session.append(AppendBatch.of(AppendRecord.of("b")).withMatchSeqNum(1));
				assertThat(ack.start().seqNum()).isEqualTo(1);
			}
			assertThat(storedRecords("blackhole-append")).extracting((r) -> r.bodyAsString()).containsExactly("a", "b");
		}
	}

	@Test
	void unaryCallsRetryThroughResetsAndWorkOverSlicedSlowConnections() {
		this.proxy.slice(true);
		this.proxy.latency(5);
		try (S2Client client = proxied(AppendRetryPolicy.ALL)) {
			S2Stream stream = client.basin(TestServers.BASIN).stream("sliced");
			try (AppendSession session = stream.appendSession()) {
				for (int i = 0; i < 5; i++) {
					session.append(AppendBatch.of(AppendRecord.of("s" + i)));
				}
			}
			List<String> read = new ArrayList<>();
			try (ReadSession session = stream.readSession(ReadOptions.fromSeqNum(0).withCount(5))) {
				session.records().forEachRemaining((r) -> read.add(r.bodyAsString()));
			}
			assertThat(read).containsExactly("s0", "s1", "s2", "s3", "s4");
			this.proxy.slice(false);
			this.proxy.latency(0);
			this.proxy.reset();
			assertThat(stream.checkTail().seqNum()).isEqualTo(5);
		}
	}

	@Test
	void closingTheClientLeavesNoConnectionAndNoThread() {
		S2Client client = S2Client.create(TestServers.config(this.proxy.baseUrl()).build());
		for (int i = 0; i < 20; i++) {
			S2Stream stream = client.basin(TestServers.BASIN).stream("close-" + i);
			stream.append(AppendBatch.of(AppendRecord.of("x")));
			stream.readSession(ReadOptions.fromSeqNum(0)).batches().next(PATIENCE);
		}
		assertThat(this.proxy.openConnections()).isEqualTo(1);
		assertThat(client.connectionCount()).isEqualTo(1);
		client.close();
		await().atMost(PATIENCE).until(() -> client.connectionCount() == 0);
		await().atMost(PATIENCE).until(() -> this.proxy.openConnections() == 0);
		await().atMost(PATIENCE)
			.until(() -> Thread.getAllStackTraces()
				.keySet()
				.stream()
				.noneMatch((t) -> t.getName().startsWith("s2-client")));
	}

}
