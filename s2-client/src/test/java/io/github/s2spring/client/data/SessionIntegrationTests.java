package io.github.s2spring.client.data;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.s2spring.client.S2Client;
import io.github.s2spring.client.TestServers;
import io.github.s2spring.client.error.NotFoundException;
import io.github.s2spring.client.error.RangeNotSatisfiableException;
import io.github.s2spring.client.error.S2Exception;
import io.github.s2spring.client.error.SeqNumMismatchException;
import io.github.s2spring.client.error.TransportException;
import io.github.s2spring.protocol.s2s.Compression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class SessionIntegrationTests {

	@RegisterExtension
	static final EmbeddedServerExtension embedded = new EmbeddedServerExtension();

	private static S2Stream stream(String name) {
		return embedded.stream(name);
	}

	private static <T> T join(CompletableFuture<T> future) {
		try {
			return future.join();
		}
		catch (CompletionException ex) {
			throw (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
		}
	}

	static List<String> readAll(S2Stream stream, long count) {
		List<String> bodies = new ArrayList<>();
		try (ReadSession session = stream.readSession(ReadOptions.fromSeqNum(0).withCount(count))) {
			for (SequencedRecord record : (Iterable<SequencedRecord>) session::records) {
				bodies.add(record.bodyAsString());
			}
		}
		return bodies;
	}

	@Test
	void builtBatchesAreAppendedBySessionsAndUnaryCalls() {
		S2Stream stream = stream("built");
		AppendBatchBuilder builder = AppendBatch.builder();
		List<String> expected = new ArrayList<>();
		try (AppendSession session = stream.appendSession()) {
			for (int batch = 0; batch < 30; batch++) {
				for (int i = 0; i < 100; i++) {
					String body = "b" + batch + "-" + i;
					builder.add(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
					expected.add(body);
				}
				builder.matchSeqNum(batch * 100L);
				assertThat(session.append(builder.build()).end().seqNum()).isEqualTo((batch + 1) * 100L);
			}
		}
		builder.add(AppendRecord.of("unary")).matchSeqNum(3000);
		assertThat(stream.append(builder.build()).start().seqNum()).isEqualTo(3000);
		expected.add("unary");
		builder.add(AppendRecord.of("stale")).matchSeqNum(0);
		assertThatExceptionOfType(SeqNumMismatchException.class).isThrownBy(() -> stream.append(builder.build()));

		assertThat(readAll(stream, 3001)).containsExactlyElementsOf(expected);
	}

	@Test
	void pipelinedBatchesAreAcknowledgedInOrder() {
		S2Stream stream = stream("pipelined");
		List<CompletableFuture<AppendAck>> acks = new ArrayList<>();
		try (AppendSession session = stream.appendSession()) {
			for (int i = 0; i < 200; i++) {
				acks.add(session.appendAsync(AppendBatch.of(AppendRecord.of("r" + i))));
			}
		}
		for (int i = 0; i < 200; i++) {
			assertThat(acks.get(i).join().start().seqNum()).isEqualTo(i);
		}
		List<String> expected = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			expected.add("r" + i);
		}
		assertThat(readAll(stream, 200)).containsExactlyElementsOf(expected);
	}

	@Test
	void inflightBoundsAdmitBatchesOnlyAsAcknowledgementsFreeRoom() {
		S2Stream stream = stream("bounded");
		AppendSession session = stream.appendSession(AppendSessionOptions.defaults().withMaxInflightBatches(2));
		List<CompletableFuture<AppendTicket>> tickets = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			tickets.add(session.submit(AppendBatch.of(AppendRecord.of("b" + i))));
		}
		CompletableFuture.allOf(tickets.toArray(CompletableFuture[]::new)).join();
		assertThat(tickets.get(19).join().ack().join().end().seqNum()).isEqualTo(20);
		session.close();
		assertThat(session.failure()).isNull();
	}

	@Test
	void aNonRetryableErrorFailsEveryPendingBatchWithTheTypedError() {
		S2Stream stream = stream("mismatch");
		stream.append(AppendBatch.of(AppendRecord.of("first")));
		AppendSession session = stream.appendSession();
		CompletableFuture<AppendAck> bad = session.appendAsync(AppendBatch.of(AppendRecord.of("x")).withMatchSeqNum(5));
		CompletableFuture<AppendAck> after = session.appendAsync(AppendBatch.of(AppendRecord.of("y")));
		assertThatExceptionOfType(SeqNumMismatchException.class).isThrownBy(() -> join(bad))
			.satisfies((ex) -> assertThat(ex.expectedSeqNum()).isEqualTo(1));
		assertThatExceptionOfType(SeqNumMismatchException.class).isThrownBy(() -> join(after));
		assertThat(session.failure()).isInstanceOf(SeqNumMismatchException.class);
		assertThatExceptionOfType(SeqNumMismatchException.class)
			.isThrownBy(() -> session.append(AppendBatch.of(AppendRecord.of("z"))));
		assertThatExceptionOfType(SeqNumMismatchException.class).isThrownBy(session::close);
		assertThat(stream.checkTail().seqNum()).isEqualTo(1);
	}

	@Test
	void compressedSessionsRoundTripLargeBatches() {
		for (Compression compression : List.of(Compression.GZIP, Compression.ZSTD)) {
			try (S2Client compressed = S2Client
				.create(TestServers.config(embedded.server().baseUrl()).compression(compression).build())) {
				S2Stream stream = compressed.basin(TestServers.BASIN).stream("compressed-" + compression);
				String body = "compressible ".repeat(500);
				try (AppendSession session = stream.appendSession()) {
					for (int i = 0; i < 10; i++) {
						session.append(AppendBatch.of(AppendRecord.of(body + i)));
					}
				}
				List<String> read = new ArrayList<>();
				try (ReadSession session = stream.readSession(ReadOptions.fromSeqNum(0).withCount(10))) {
					session.records().forEachRemaining((r) -> read.add(r.bodyAsString()));
				}
				assertThat(read).hasSize(10).allSatisfy((b) -> assertThat(b).startsWith(body));
			}
		}
	}

	@Test
	void aReadSessionFollowsTheTailAndKnowsWhenItHasCaughtUp() {
		S2Stream stream = stream("live");
		stream.append(AppendBatch.of(AppendRecord.of("old")));
		ReadSession session = stream.readSession(ReadOptions.fromSeqNum(0));
		RecordReader reader = session.batches();
		ReadBatch first = reader.next(Duration.ofSeconds(10));
		assertThat(first).isNotNull();
		assertThat(first.records()).extracting((r) -> r.bodyAsString()).containsExactly("old");
		await().atMost(Duration.ofSeconds(10)).until(session::isCaughtUp);
		assertThat(session.lastObservedTail()).isNotNull();
		stream.append(AppendBatch.of(AppendRecord.of("new")));
		ReadBatch live = reader.next(Duration.ofSeconds(10));
		assertThat(live).isNotNull();
		assertThat(live.records()).extracting(SequencedRecord::seqNum).containsExactly(1L);
		session.close();
		assertThat(reader.next(Duration.ofSeconds(10))).isNull();
		assertThat(reader.next()).isNull();
	}

	@Test
	void demandDrivesDeliveryOneBatchAtATime() {
		S2Stream stream = stream("demand");
		byte[] large = new byte[600 * 1024];
		for (int i = 0; i < 5; i++) {
			stream.append(AppendBatch.of(AppendRecord.of(large)));
		}
		List<ReadBatch> received = new CopyOnWriteArrayList<>();
		AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();
		CompletableFuture<Void> done = new CompletableFuture<>();
		ReadSession session = stream.readSession(ReadOptions.fromSeqNum(0).withCount(5));
		session.subscribe(new Flow.Subscriber<>() {
			@Override
			public void onSubscribe(Flow.Subscription s) {
				subscription.set(s);
				s.request(1);
			}

			@Override
			public void onNext(ReadBatch item) {
				received.add(item);
			}

			@Override
			public void onError(Throwable throwable) {
				done.completeExceptionally(throwable);
			}

			@Override
			public void onComplete() {
				done.complete(null);
			}
		});
		await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
		assertThat(done).isNotDone();
		subscription.get().request(Long.MAX_VALUE);
		done.join();
		assertThat(received.stream().mapToLong((b) -> b.records().size()).sum()).isEqualTo(5);
	}

	@Test
	void sessionErrorsBeforeTheSessionIsEstablishedAreTyped() {
		Iterator<SequencedRecord> missing = embedded.client()
			.basin("missing-basin")
			.stream("s")
			.readSession(ReadOptions.fromSeqNum(0))
			.records();
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(missing::hasNext);
		S2Stream stream = stream("range");
		stream.append(AppendBatch.of(AppendRecord.of("x")));
		Iterator<SequencedRecord> beyond = stream.readSession(ReadOptions.fromSeqNum(50)).records();
		assertThatExceptionOfType(RangeNotSatisfiableException.class).isThrownBy(beyond::hasNext);
		AppendSession appendMissing = embedded.client().basin("missing-basin").stream("s").appendSession();
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> appendMissing.append(AppendBatch.of(AppendRecord.of("x"))));
	}

	@Test
	void aSecondSubscriberIsRejected() {
		ReadSession session = stream("twice").readSession(ReadOptions.fromSeqNum(0).withCount(1).withWait(1));
		session.records();
		CompletableFuture<Throwable> error = new CompletableFuture<>();
		session.subscribe(new Flow.Subscriber<>() {
			@Override
			public void onSubscribe(Flow.Subscription s) {
				s.request(1);
			}

			@Override
			public void onNext(ReadBatch item) {
			}

			@Override
			public void onError(Throwable throwable) {
				error.complete(throwable);
			}

			@Override
			public void onComplete() {
			}
		});
		assertThat(error.join()).isInstanceOf(IllegalStateException.class);
		session.close();
	}

	@Test
	void closedClientsRefuseSessions() {
		S2Client closing = S2Client.create(TestServers.config(embedded.server().baseUrl()).build());
		S2Stream stream = closing.basin(TestServers.BASIN).stream("after-close");
		AppendSession session = stream.appendSession();
		closing.close();
		assertThatExceptionOfType(S2Exception.class)
			.isThrownBy(() -> session.append(AppendBatch.of(AppendRecord.of("x"))))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(TransportException.CLOSED));
		assertThatExceptionOfType(S2Exception.class).isThrownBy(stream::checkTail)
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(TransportException.CLOSED));
	}

}
