package io.github.s2spring.client.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.google.protobuf.ByteString;
import io.netty.handler.codec.http2.Http2Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import io.github.s2spring.client.data.SequencedRecord;

import io.github.s2spring.client.error.NotFoundException;
import io.github.s2spring.client.config.RetryPolicy;
import io.github.s2spring.client.S2Client;
import io.github.s2spring.client.config.S2ClientConfig;
import io.github.s2spring.client.config.S2Endpoints;
import io.github.s2spring.client.error.S2Exception;
import io.github.s2spring.client.error.SeqNumMismatchException;
import io.github.s2spring.client.error.TransportException;
import io.github.s2spring.client.data.AppendBatch;
import io.github.s2spring.client.data.AppendRecord;
import io.github.s2spring.client.data.AppendSession;
import io.github.s2spring.client.data.ReadOptions;
import io.github.s2spring.client.data.ReadSession;
import io.github.s2spring.client.data.ReadSessionOptions;
import io.github.s2spring.client.data.SessionEvent;
import io.github.s2spring.client.data.SessionState;
import io.github.s2spring.protocol.StreamPosition;
import io.github.s2spring.protocol.s2s.S2sFrame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * How sessions take each way a server can end them: only their caller and their own
 * limits end them; everything else is retried, as long as the retry policy allows after
 * the last successful connect, except failures that retrying cannot fix.
 */
class SessionEndingTests {

	private static final String UNAVAILABLE = "{\"code\":\"unavailable\",\"message\":\"try later\"}";

	private static S2Client client(String baseUrl, RetryPolicy sessions) {
		return S2Client.create(S2ClientConfig.builder("t")
			.endpoints(S2Endpoints.single(baseUrl))
			.sessionRetryPolicy(sessions)
			.heartbeatTimeout(Duration.ofSeconds(5))
			.build());
	}

	private static S2Client client(String baseUrl) {
		return client(baseUrl, RetryPolicy.unlimited(Duration.ofMillis(10), Duration.ofMillis(50)));
	}

	private static ReadSession session(S2Client client, ReadSessionOptions options) {
		return client.basin("scripted-basin").stream("s").readSession(ReadOptions.fromSeqNum(0), options);
	}

	/** Records with these seq nums, the last one at the tail. */
	private static S2sFrame records(long... seqNums) {
		s2.v1.ReadBatch.Builder batch = s2.v1.ReadBatch.newBuilder()
			.setTail(s2.v1.StreamPosition.newBuilder().setSeqNum(seqNums[seqNums.length - 1] + 1));
		for (long seqNum : seqNums) {
			batch.addRecords(s2.v1.SequencedRecord.newBuilder()
				.setSeqNum(seqNum)
				.setBody(ByteString.copyFromUtf8("r" + seqNum)));
		}
		return new S2sFrame.Regular(batch.build().toByteArray(), false);
	}

	private static S2sFrame heartbeat(long tail) {
		return new S2sFrame.Regular(s2.v1.ReadBatch.newBuilder()
			.setTail(s2.v1.StreamPosition.newBuilder().setSeqNum(tail))
			.build()
			.toByteArray(), false);
	}

	private static List<String> read(ReadSession session, int count) {
		List<String> bodies = new ArrayList<>();
		Iterator<SequencedRecord> records = session.records();
		while (bodies.size() < count) {
			bodies.add(records.next().bodyAsString());
		}
		return bodies;
	}

	private static String query(Http2Headers headers) {
		String path = headers.path().toString();
		return path.substring(path.indexOf('?') + 1);
	}

	@Test
	void theServerEndingTheStreamWithoutAnErrorIsAReconnectFromTheNextSeqNum() throws Exception {
		try (ScriptedH2Server server = readsOnAfterTheFirstStream(ScriptedH2Server.Exchange::end)) {
			assertThat(server.connections()).isEqualTo(1);
		}
	}

	@Test
	void goAwayAndAClosedConnectionAreAReconnectFromTheNextSeqNum() throws Exception {
		try (ScriptedH2Server server = readsOnAfterTheFirstStream((exchange) -> {
			exchange.goAway();
			exchange.closeConnection();
		})) {
			assertThat(server.connections()).isEqualTo(2);
		}
	}

	/**
	 * A first stream that delivers records 0 and 1 and then ends as told, a second one
	 * that delivers record 2: the session reads all three, the second stream from seq num
	 * 2.
	 */
	private static ScriptedH2Server readsOnAfterTheFirstStream(
			java.util.function.Consumer<ScriptedH2Server.Exchange> ending) throws Exception {
		AtomicInteger streams = new AtomicInteger();
		ScriptedH2Server server = new ScriptedH2Server(() -> (exchange, headers) -> {
			exchange.status(200, false);
			if (streams.incrementAndGet() == 1) {
				exchange.frame(records(0, 1));
				ending.accept(exchange);
			}
			else {
				exchange.frame(records(2));
			}
		});
		try (S2Client client = client(server.baseUrl());
				ReadSession session = session(client, ReadSessionOptions.defaults())) {
			assertThat(read(session, 3)).containsExactly("r0", "r1", "r2");
			assertThat(server.requests()).extracting(SessionEndingTests::query)
				.containsExactly("seq_num=0", "seq_num=2");
			assertThat(session.state().reconnects()).isEqualTo(1);
		}
		return server;
	}

	@Test
	void attemptsAreCountedFromTheLastSuccessfulConnectSoAQuietSessionOutlivesManyDrops() throws Exception {
		AtomicInteger streams = new AtomicInteger();
		try (ScriptedH2Server server = new ScriptedH2Server(() -> (exchange, headers) -> {
			int stream = streams.incrementAndGet();
			if (stream > 40) {
				exchange.status(200, false);
				exchange.frame(records(0));
			}
			else if (stream % 2 == 0) {
				exchange.respond(503, UNAVAILABLE);
			}
			else {
				exchange.status(200, false);
				exchange.frame(heartbeat(0));
				exchange.end();
			}
		});
				S2Client client = client(server.baseUrl(),
						new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20)));
				ReadSession session = session(client, ReadSessionOptions.defaults())) {
			assertThat(read(session, 1)).containsExactly("r0");
			assertThat(streams.get()).isEqualTo(41);
			assertThat(session.state().reconnects()).isEqualTo(20);
		}
	}

	@Test
	void aLimitedPolicyStillGivesUpAfterItsAttemptsFailInARow() throws Exception {
		try (ScriptedH2Server server = new ScriptedH2Server(
				() -> (exchange, headers) -> exchange.respond(503, UNAVAILABLE));
				S2Client client = client(server.baseUrl(),
						new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20)));
				ReadSession session = session(client, ReadSessionOptions.defaults())) {
			assertThatExceptionOfType(S2Exception.class).isThrownBy(() -> session.records().hasNext())
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo("unavailable"));
			assertThat(server.requests()).hasSize(3);
			assertThat(session.state().phase()).isEqualTo(SessionState.Phase.FAILED);
		}
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"404|{\"code\":\"stream_not_found\",\"message\":\"no\"}|io.github.s2spring.client.error.NotFoundException",
			"403|{\"code\":\"permission_denied\",\"message\":\"no\"}|io.github.s2spring.client.error.PermissionDeniedException",
			"401|{\"code\":\"unauthorized\",\"message\":\"no\"}|io.github.s2spring.client.error.PermissionDeniedException",
			"416|{\"tail\":{\"seq_num\":3,\"timestamp\":0}}|io.github.s2spring.client.error.RangeNotSatisfiableException",
			"422|{\"code\":\"invalid\",\"message\":\"no\"}|io.github.s2spring.client.error.S2Exception" })
	void permanentFailuresEndAnUnlimitedReadSessionAtOnce(int status, String body, String type) throws Exception {
		try (ScriptedH2Server server = new ScriptedH2Server(
				() -> (exchange, headers) -> exchange.respond(status, body));
				S2Client client = client(server.baseUrl());
				ReadSession session = session(client, ReadSessionOptions.defaults())) {
			assertThatExceptionOfType(S2Exception.class).isThrownBy(() -> session.records().hasNext())
				.satisfies((ex) -> {
					assertThat(ex).isExactlyInstanceOf(Class.forName(type));
					assertThat(ex.status()).isEqualTo(status);
				});
			assertThat(server.requests()).hasSize(1);
		}
	}

	@Test
	void aSeqNumMismatchEndsAnUnlimitedAppendSessionAtOnce() throws Exception {
		try (ScriptedH2Server server = new ScriptedH2Server(() -> new ScriptedH2Server.Script() {
			@Override
			public void onRequest(ScriptedH2Server.Exchange exchange, Http2Headers headers) {
				exchange.status(200, false);
			}

			@Override
			public void onData(ScriptedH2Server.Exchange exchange, byte[] data) {
				exchange.frame(new S2sFrame.Terminal(412, "{\"seq_num_mismatch\":7}"));
			}
		}); S2Client client = client(server.baseUrl())) {
			AppendSession session = client.basin("scripted-basin").stream("s").appendSession();
			assertThatExceptionOfType(SeqNumMismatchException.class)
				.isThrownBy(() -> session.append(AppendBatch.of(AppendRecord.of("x")).withMatchSeqNum(0)));
			assertThat(server.requests()).hasSize(1);
			org.awaitility.Awaitility.await()
				.untilAsserted(() -> assertThat(session.state().phase()).isEqualTo(SessionState.Phase.FAILED));
			assertThat(session.failure()).isInstanceOf(SeqNumMismatchException.class);
		}
	}

	@Test
	void eventsTellConnectReconnectCaughtUpAndCloseInOrderOffTheEventLoop() throws Exception {
		AtomicInteger streams = new AtomicInteger();
		List<SessionEvent> events = new CopyOnWriteArrayList<>();
		List<String> threads = new CopyOnWriteArrayList<>();
		try (ScriptedH2Server server = new ScriptedH2Server(() -> (exchange, headers) -> {
			switch (streams.incrementAndGet()) {
				case 1 -> {
					exchange.status(200, false);
					exchange.frame(heartbeat(5));
					exchange.end();
				}
				case 2 -> exchange.respond(503, UNAVAILABLE);
				default -> {
					exchange.status(200, false);
					exchange.frame(heartbeat(5));
				}
			}
		}); S2Client client = client(server.baseUrl())) {
			ReadSession session = session(client, ReadSessionOptions.defaults().withListener((event) -> {
				threads.add(Thread.currentThread().getName());
				events.add(event);
			}));
			session.batches();
			await().atMost(Duration.ofSeconds(10)).until(() -> events.size() == 9);
			assertThat(session.state().phase()).isEqualTo(SessionState.Phase.CONNECTED);
			session.closeAsync().get(10, TimeUnit.SECONDS);
			StreamPosition tail = new StreamPosition(5, 0);
			assertThat(events.get(0)).isEqualTo(new SessionEvent.Connecting(1));
			assertThat(events.get(1)).isEqualTo(new SessionEvent.Connected(1));
			assertThat(events.get(2)).isEqualTo(new SessionEvent.CaughtUp(tail));
			assertThat(events.get(3)).isInstanceOfSatisfying(SessionEvent.Reconnecting.class, (reconnecting) -> {
				assertThat(reconnecting.attempt()).isEqualTo(2);
				assertThat(reconnecting.cause().code()).isEqualTo(TransportException.SESSION_ENDED);
				assertThat(reconnecting.delay()).isBetween(Duration.ZERO, Duration.ofMillis(10));
			});
			assertThat(events.get(4)).isEqualTo(new SessionEvent.Connecting(2));
			assertThat(events.get(5)).isInstanceOfSatisfying(SessionEvent.Reconnecting.class, (reconnecting) -> {
				assertThat(reconnecting.attempt()).isEqualTo(3);
				assertThat(reconnecting.cause().status()).isEqualTo(503);
				assertThat(reconnecting.delay()).isBetween(Duration.ZERO, Duration.ofMillis(20));
			});
			assertThat(events.subList(6, 9)).containsExactly(new SessionEvent.Connecting(3),
					new SessionEvent.Connected(3), new SessionEvent.CaughtUp(tail));
			await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 10);
			assertThat(events.get(9)).isEqualTo(new SessionEvent.Closed());
			assertThat(session.state().phase()).isEqualTo(SessionState.Phase.CLOSED);
			assertThat(session.state().reconnects()).isEqualTo(1);
			assertThat(threads).allSatisfy((name) -> assertThat(name).startsWith("s2-delivery-"));
		}
	}

	@Test
	void aFailedSessionTellsItsFailureLast() throws Exception {
		List<SessionEvent> events = new CopyOnWriteArrayList<>();
		try (ScriptedH2Server server = new ScriptedH2Server(() -> (exchange, headers) -> exchange.respond(404,
				"{\"code\":\"stream_not_found\",\"message\":\"no\"}")); S2Client client = client(server.baseUrl())) {
			ReadSession session = session(client, ReadSessionOptions.defaults().withListener(events::add));
			session.batches();
			await().atMost(Duration.ofSeconds(10)).until(() -> events.size() == 2);
			assertThat(events.get(0)).isEqualTo(new SessionEvent.Connecting(1));
			assertThat(events.get(1)).isInstanceOfSatisfying(SessionEvent.Failed.class,
					(failed) -> assertThat(failed.cause()).isInstanceOf(NotFoundException.class));
			session.close();
			assertThat(events).hasSize(2);
			assertThat(session.state().phase()).isEqualTo(SessionState.Phase.FAILED);
		}
	}

}
