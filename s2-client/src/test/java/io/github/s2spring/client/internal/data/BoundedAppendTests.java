package io.github.s2spring.client.internal.data;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.github.s2spring.client.error.OverloadedException;
import io.github.s2spring.client.S2Client;
import io.github.s2spring.client.TestServers;
import io.github.s2spring.client.data.AppendBatch;
import io.github.s2spring.client.data.AppendRecord;
import io.github.s2spring.client.data.AppendSession;
import io.github.s2spring.client.data.AppendSessionOptions;
import io.github.s2spring.client.data.AppendTicket;
import io.github.s2spring.client.data.ReadOptions;
import io.github.s2spring.client.data.ReadSession;
import io.github.s2spring.client.data.S2Stream;
import io.github.s2spring.client.data.SequencedRecord;
import io.github.s2spring.client.data.SessionState;
import io.github.s2spring.embedded.junit.FaultProxy;
import io.github.s2spring.embedded.S2EmbeddedServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Append sessions bound what they hold: batches in flight, in bytes and count, and
 * batches waiting for room; beyond that they refuse at once, and a batch is encoded only
 * once admitted.
 */
class BoundedAppendTests {

	private static AppendBatch batch(String body) {
		return AppendBatch.of(AppendRecord.of(body));
	}

	@Test
	void batchesWaitForRoomThenAreRefusedAndNothingIsEncodedBeforeAdmission() throws Exception {
		try (S2EmbeddedServer server = TestServers.start();
				FaultProxy proxy = new FaultProxy(server.port());
				S2Client client = S2Client.create(TestServers.config(proxy.baseUrl()).build())) {
			S2Stream stream = client.basin(TestServers.BASIN).stream("bounded");
			AppendSession session = stream.appendSession(AppendSessionOptions.defaults()
				.withMaxInflightBatches(2)
				.withMaxQueuedBatches(2)
				.withAckTimeout(Duration.ofSeconds(30)));
			session.append(batch("b0"));
			proxy.blackhole();
			List<CompletableFuture<AppendTicket>> submitted = new ArrayList<>();
			for (int i = 1; i <= 4; i++) {
				submitted.add(session.submit(batch("b" + i)));
			}
			assertThat(submitted.get(0)).isCompleted();
			assertThat(submitted.get(1)).isCompleted();
			assertThat(submitted.get(2)).isNotDone();
			assertThat(submitted.get(3)).isNotDone();
			CompletableFuture<AppendTicket> refused = session.submit(batch("refused"));
			assertThat(refused).isCompletedExceptionally();
			assertThatExceptionOfType(java.util.concurrent.CompletionException.class).isThrownBy(refused::join)
				.havingCause()
				.isInstanceOfSatisfying(OverloadedException.class, (ex) -> {
					assertThat(ex.code()).isEqualTo("overloaded");
					assertThat(ex.retryable()).isTrue();
					assertThat(ex.noSideEffects()).isTrue();
				});
			assertThatExceptionOfType(OverloadedException.class).isThrownBy(() -> session.trySubmit(batch("refused")));
			SessionState state = session.state();
			assertThat(state.inflightBatches()).isEqualTo(2);
			assertThat(state.inflightBytes()).isEqualTo(2 * batch("b1").meteredBytes());
			assertThat(state.queuedBatches()).isEqualTo(2);
			assertThat(state.ackedBatches()).isEqualTo(1);
			assertThat(((DefaultAppendSession) session).encodedFrames()).isEqualTo(2);
			proxy.reset();
			List<Long> starts = new ArrayList<>();
			for (CompletableFuture<AppendTicket> ticket : submitted) {
				starts.add(ticket.get(20, TimeUnit.SECONDS).ack().get(20, TimeUnit.SECONDS).start().seqNum());
			}
			assertThat(starts).containsExactly(1L, 2L, 3L, 4L);
			AppendTicket now = session.trySubmit(batch("b5"));
			assertThat(now.ack().get(20, TimeUnit.SECONDS).start().seqNum()).isEqualTo(5);
			session.closeAsync().get(20, TimeUnit.SECONDS);
			assertThat(((DefaultAppendSession) session).encodedFrames()).isZero();
			assertThat(session.state().ackedBatches()).isEqualTo(6);
			assertThat(stream.read(ReadOptions.fromSeqNum(0).withCount(10)).records())
				.extracting(SequencedRecord::bodyAsString)
				.containsExactly("b0", "b1", "b2", "b3", "b4", "b5");
		}
	}

	@Test
	void aClosedSessionRefusesNewBatchesAndClosesOnlyWhenItsStreamIsGone() throws Exception {
		try (S2EmbeddedServer server = TestServers.start();
				S2Client client = S2Client.create(TestServers.config(server.baseUrl()).build())) {
			S2Stream stream = client.basin(TestServers.BASIN).stream("closing");
			AppendSession appending = stream.appendSession();
			appending.append(batch("x"));
			ReadSession reading = stream.readSession(ReadOptions.fromSeqNum(0));
			reading.batches();
			await().atMost(Duration.ofSeconds(10)).until(reading::isCaughtUp);
			String origin = server.baseUrl();
			assertThat(client.stats().connectionsTo(origin)).hasSize(1);
			assertThat(client.stats().connectionsTo(origin).get(0).activeStreams()).isEqualTo(2);
			appending.closeAsync().get(10, TimeUnit.SECONDS);
			assertThat(client.stats().connectionsTo(origin).get(0).activeStreams()).isEqualTo(1);
			assertThat(appending.state().phase()).isEqualTo(SessionState.Phase.CLOSED);
			assertThatExceptionOfType(io.github.s2spring.client.error.S2Exception.class)
				.isThrownBy(() -> appending.trySubmit(batch("late")))
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo("closed"));
			reading.closeAsync().get(10, TimeUnit.SECONDS);
			assertThat(client.stats().connectionsTo(origin).get(0).activeStreams()).isZero();
			assertThat(reading.state().phase()).isEqualTo(SessionState.Phase.CLOSED);
		}
	}

}
