package io.github.s2spring.client.fault;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http2.Http2Headers;
import org.junit.jupiter.api.Test;

import io.github.s2spring.client.S2Client;
import io.github.s2spring.client.config.AppendRetryPolicy;
import io.github.s2spring.client.config.RetryPolicy;
import io.github.s2spring.client.config.S2ClientConfig;
import io.github.s2spring.client.config.S2Endpoints;
import io.github.s2spring.client.data.AppendAck;
import io.github.s2spring.client.data.AppendBatch;
import io.github.s2spring.client.data.AppendRecord;
import io.github.s2spring.client.data.AppendSession;
import io.github.s2spring.client.data.ReadBatch;
import io.github.s2spring.client.data.ReadOptions;
import io.github.s2spring.client.data.ReadSession;
import io.github.s2spring.client.data.S2Stream;
import io.github.s2spring.client.data.SequencedRecord;
import io.github.s2spring.client.error.NotFoundException;
import io.github.s2spring.client.error.RateLimitedException;
import io.github.s2spring.client.error.S2Exception;
import io.github.s2spring.client.error.TransportException;
import io.github.s2spring.protocol.StreamPosition;
import io.github.s2spring.protocol.s2s.S2sFrame;
import io.github.s2spring.protocol.s2s.S2sFrameDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A scripted server that answers with chosen statuses and frames.
 */
class ServerMisbehaviourTests {

	private static final String UNAVAILABLE = "{\"code\":\"unavailable\",\"message\":\"try later\"}";

	private static S2Client client(String baseUrl, AppendRetryPolicy policy) {
		return S2Client.create(S2ClientConfig.builder("t")
			.endpoints(S2Endpoints.single(baseUrl))
			.appendRetryPolicy(policy)
			.retryPolicy(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50)))
			.sessionRetryPolicy(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50)))
			.requestTimeout(Duration.ofSeconds(2))
			.heartbeatTimeout(Duration.ofMillis(700))
			.build());
	}

	private static S2Stream stream(S2Client client) {
		return client.basin("scripted-basin").stream("s");
	}

	private static byte[] ack(long start, long end) {
		return s2.v1.AppendAck.newBuilder()
			.setStart(s2.v1.StreamPosition.newBuilder().setSeqNum(start))
			.setEnd(s2.v1.StreamPosition.newBuilder().setSeqNum(end))
			.setTail(s2.v1.StreamPosition.newBuilder().setSeqNum(end))
			.build()
			.toByteArray();
	}

	private static byte[] batch(long... seqNums) {
		s2.v1.ReadBatch.Builder batch = s2.v1.ReadBatch.newBuilder();
		for (long seqNum : seqNums) {
			batch.addRecords(s2.v1.SequencedRecord.newBuilder()
				.setSeqNum(seqNum)
				.setBody(com.google.protobuf.ByteString.copyFromUtf8("r" + seqNum)));
		}
		return batch.build().toByteArray();
	}

	private static String path(Http2Headers headers) {
		return headers.path().toString();
	}

	@Test
	void retryableStatusesAreRetriedAndOthersSurfaceAtOnce() throws Exception {
		AtomicInteger calls = new AtomicInteger();
		try (ScriptedH2Server server = new ScriptedH2Server(() -> (exchange, headers) -> {
			int call = calls.incrementAndGet();
			String p = path(headers);
			if (p.contains("first")) {
				if (call <= 2) {
					exchange.respond(503, UNAVAILABLE);
				}
				else {
					exchange.respond(200, ack(0, 1));
				}
			}
			else if (p.contains("invalid")) {
				exchange.respond(422, "{\"code\":\"invalid\",\"message\":\"no\"}");
			}
			else if (p.contains("limited")) {
				exchange.respond(429, "{\"code\":\"rate_limited\",\"message\":\"slow down\"}");
			}
			else {
				exchange.respond(503, UNAVAILABLE);
			}
		}); S2Client client = client(server.baseUrl(), AppendRetryPolicy.ALL)) {
			S2Stream first = client.basin("scripted-basin").stream("first");
			assertThat(first.append(AppendBatch.of(AppendRecord.of("x"))).end().seqNum()).isEqualTo(1);
			assertThat(calls.get()).isEqualTo(3);
			calls.set(0);
			assertThatExceptionOfType(S2Exception.class)
				.isThrownBy(() -> client.basin("scripted-basin").stream("invalid").checkTail())
				.satisfies((ex) -> assertThat(ex.status()).isEqualTo(422));
			assertThat(calls.get()).isEqualTo(1);
			calls.set(0);
			assertThatExceptionOfType(RateLimitedException.class)
				.isThrownBy(() -> client.basin("scripted-basin").stream("limited").checkTail());
			assertThat(calls.get()).isEqualTo(3);
			calls.set(0);
			assertThatExceptionOfType(S2Exception.class)
				.isThrownBy(() -> client.basin("scripted-basin").stream("down").read(ReadOptions.fromSeqNum(0)))
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo("unavailable"));
			assertThat(calls.get()).isEqualTo(3);
		}
	}

	@Test
	void noSideEffectsPolicyRetriesOnlyAppendsThatCertainlyChangedNothing() throws Exception {
		AtomicInteger calls = new AtomicInteger();
		try (ScriptedH2Server server = new ScriptedH2Server(() -> (exchange, headers) -> {
			calls.incrementAndGet();
			if (path(headers).contains("limited") && calls.get() == 1) {
				exchange.respond(429, "{\"code\":\"rate_limited\",\"message\":\"slow down\"}");
			}
			else if (path(headers).contains("limited")) {
				exchange.respond(200, ack(0, 1));
			}
			else {
				exchange.respond(503, UNAVAILABLE);
			}
		}); S2Client client = client(server.baseUrl(), AppendRetryPolicy.NO_SIDE_EFFECTS)) {
			assertThatExceptionOfType(S2Exception.class)
				.isThrownBy(() -> stream(client).append(AppendBatch.of(AppendRecord.of("x"))));
			assertThat(calls.get()).isEqualTo(1);
			calls.set(0);
			AppendAck ack = client.basin("scripted-basin")
				.stream("limited")
				.append(AppendBatch.of(AppendRecord.of("x")));
			assertThat(ack.end().seqNum()).isEqualTo(1);
			assertThat(calls.get()).isEqualTo(2);
		}
	}

	@Test
	void readSessionsFollowReconnectAdviceAndDrainingAtOnceAndResumeAfterTheLastRecord() throws Exception {
		AtomicInteger calls = new AtomicInteger();
		try (ScriptedH2Server server = new ScriptedH2Server(() -> (exchange, headers) -> {
			int call = calls.incrementAndGet();
			exchange.status(200, false);
			switch (call) {
				case 1 -> {
					exchange.frame(new S2sFrame.Regular(batch(0, 1), false));
					exchange.frame(new S2sFrame.Regular(batch(2), true));
				}
				case 2 -> {
					exchange.frame(new S2sFrame.Regular(batch(3), false));
					exchange.frame(new S2sFrame.Terminal(503, "{\"code\":\"server_draining\",\"message\":\"bye\"}"));
				}
				case 3 -> exchange.raw(0x60, new byte[] { 1, 2, 3 });
				case 4 -> {
					exchange.frame(new S2sFrame.Regular(batch(4), false));
					exchange.data(Unpooled.wrappedBuffer(new byte[] { 0, 0 }), true);
				}
				case 5 -> {
					exchange.frame(new S2sFrame.Regular(s2.v1.ReadBatch.newBuilder()
						.setTail(s2.v1.StreamPosition.newBuilder().setSeqNum(5))
						.build()
						.toByteArray(), false));
				}
				default ->
					exchange.frame(new S2sFrame.Terminal(404, "{\"code\":\"stream_not_found\",\"message\":\"gone\"}"));
			}
		}); S2Client client = client(server.baseUrl(), AppendRetryPolicy.ALL)) {
			ReadSession session = stream(client).readSession(ReadOptions.fromSeqNum(0).withCount(100));
			List<Long> seqNums = new ArrayList<>();
			assertThatExceptionOfType(NotFoundException.class)
				.isThrownBy(() -> session.records().forEachRemaining((r) -> seqNums.add(r.seqNum())));
			assertThat(seqNums).containsExactly(0L, 1L, 2L, 3L, 4L);
			List<String> paths = server.requests().stream().map(ServerMisbehaviourTests::path).toList();
			assertThat(paths.get(0)).endsWith("?seq_num=0&count=100");
			assertThat(paths.get(1)).endsWith("?seq_num=3&count=97");
			assertThat(paths.get(2)).endsWith("?seq_num=4&count=96");
			assertThat(paths.get(4)).endsWith("?seq_num=5&count=95");
			assertThat(paths.get(5)).endsWith("?seq_num=5&count=95");
			assertThat(session.lastObservedTail().seqNum()).isEqualTo(5);
		}
	}

	@Test
	void sessionsFollowReconnectAdviceOnlyOnceAMinute() throws Exception {
		AtomicInteger reads = new AtomicInteger();
		try (ScriptedH2Server server = new ScriptedH2Server(() -> (exchange, headers) -> {
			int call = reads.incrementAndGet();
			exchange.status(200, false);
			if (call == 1) {
				exchange.frame(new S2sFrame.Regular(batch(0), true));
			}
			else if (call == 2) {
				exchange.frame(new S2sFrame.Regular(batch(1), true));
				exchange.frame(new S2sFrame.Regular(batch(2), true));
				exchange.frame(new S2sFrame.Terminal(404, "{\"code\":\"stream_not_found\",\"message\":\"gone\"}"));
			}
			else {
				exchange.frame(new S2sFrame.Terminal(400, "{\"code\":\"invalid\",\"message\":\"third call\"}"));
			}
		}); S2Client client = client(server.baseUrl(), AppendRetryPolicy.ALL)) {
			ReadSession session = stream(client).readSession(ReadOptions.fromSeqNum(0).withCount(100));
			List<Long> seqNums = new ArrayList<>();
			assertThatExceptionOfType(NotFoundException.class)
				.isThrownBy(() -> session.records().forEachRemaining((r) -> seqNums.add(r.seqNum())));
			assertThat(seqNums).containsExactly(0L, 1L, 2L);
			assertThat(reads.get()).isEqualTo(2);
		}
		AtomicInteger appends = new AtomicInteger();
		AtomicLong next = new AtomicLong();
		try (ScriptedH2Server server = new ScriptedH2Server(appendSessions(appends, (exchange, index, frames) -> {
			long start = next.getAndIncrement();
			exchange.frame(new S2sFrame.Regular(ack(start, start + 1), index <= 2));
		})); S2Client client = client(server.baseUrl(), AppendRetryPolicy.NO_SIDE_EFFECTS)) {
			try (AppendSession session = stream(client).appendSession()) {
				List<AppendAck> acks = new ArrayList<>();
				for (int i = 0; i < 5; i++) {
					acks.add(session.append(AppendBatch.of(AppendRecord.of("b" + i))));
				}
				assertThat(acks).extracting((a) -> a.start().seqNum()).containsExactly(0L, 1L, 2L, 3L, 4L);
			}
			assertThat(appends.get()).isEqualTo(2);
		}
	}

	/**
	 * Answers one S2S frame of an append session.
	 */
	@FunctionalInterface
	interface FrameReply {

		void reply(ScriptedH2Server.Exchange exchange, int session, int frame);

	}

	/**
	 * Append sessions that answer 200, decode every frame and let {@code reply} answer
	 * it, given the session's number (from 1) and the frame's number in it (from 1).
	 */
	private static Supplier<ScriptedH2Server.Script> appendSessions(AtomicInteger sessions, FrameReply reply) {
		return () -> new ScriptedH2Server.Script() {
			final int index = sessions.incrementAndGet();

			final S2sFrameDecoder decoder = new S2sFrameDecoder();

			int frames;

			@Override
			public void onRequest(ScriptedH2Server.Exchange exchange, Http2Headers headers) {
				exchange.status(200, false);
			}

			@Override
			public void onData(ScriptedH2Server.Exchange exchange, byte[] data) {
				this.decoder.decode(Unpooled.wrappedBuffer(data),
						(frame) -> reply.reply(exchange, this.index, ++this.frames));
			}
		};
	}

	@Test
	void appendSessionsResendAfterDrainingAndCheckAcknowledgements() throws Exception {
		AtomicInteger streams = new AtomicInteger();
		AtomicLong next = new AtomicLong();
		try (ScriptedH2Server server = new ScriptedH2Server(appendSessions(streams, (exchange, index, frames) -> {
			if (index == 1 && frames == 2) {
				exchange.frame(new S2sFrame.Terminal(503, "{\"code\":\"server_draining\",\"message\":\"bye\"}"));
				return;
			}
			long start = next.getAndIncrement();
			boolean advise = index == 2 && frames == 1;
			exchange.frame(new S2sFrame.Regular(ack(start, start + 1), advise));
		})); S2Client client = client(server.baseUrl(), AppendRetryPolicy.NO_SIDE_EFFECTS)) {
			try (AppendSession session = stream(client).appendSession()) {
				List<AppendAck> acks = new ArrayList<>();
				for (int i = 0; i < 4; i++) {
					acks.add(session.append(AppendBatch.of(AppendRecord.of("b" + i))));
				}
				assertThat(acks).extracting((a) -> a.start().seqNum()).containsExactly(0L, 1L, 2L, 3L);
			}
			assertThat(streams.get()).isEqualTo(3);
		}
		try (ScriptedH2Server server = new ScriptedH2Server(() -> new ScriptedH2Server.Script() {
			@Override
			public void onRequest(ScriptedH2Server.Exchange exchange, Http2Headers headers) {
				exchange.status(200, false);
			}

			@Override
			public void onData(ScriptedH2Server.Exchange exchange, byte[] data) {
				exchange.frame(new S2sFrame.Regular(ack(0, 5), false));
			}
		}); S2Client client = client(server.baseUrl(), AppendRetryPolicy.ALL)) {
			AppendSession session = stream(client).appendSession();
			assertThatExceptionOfType(TransportException.class)
				.isThrownBy(() -> session.append(AppendBatch.of(AppendRecord.of("x"))))
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo(TransportException.PROTOCOL_ERROR));
		}
	}

	@Test
	void goAwayMovesNewStreamsToANewConnection() throws Exception {
		try (ScriptedH2Server server = new ScriptedH2Server(() -> (exchange, headers) -> {
			exchange.respond(200, "{\"tail\":{\"seq_num\":7,\"timestamp\":0}}");
			exchange.goAway();
		}); S2Client client = client(server.baseUrl(), AppendRetryPolicy.ALL)) {
			assertThat(stream(client).checkTail().seqNum()).isEqualTo(7);
			assertThat(stream(client).checkTail().seqNum()).isEqualTo(7);
			assertThat(server.connections()).isEqualTo(2);
		}
	}

	@Test
	void connectionFailuresAreTypedTransportErrors() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		try (S2Client client = client("http://127.0.0.1:" + port, AppendRetryPolicy.ALL)) {
			assertThatExceptionOfType(TransportException.class).isThrownBy(() -> stream(client).checkTail())
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo(TransportException.CONNECT_FAILED));
		}
		try (ServerSocket silent = new ServerSocket(0);
				S2Client client = S2Client.create(S2ClientConfig.builder("t")
					.endpoints(S2Endpoints.single("http://127.0.0.1:" + silent.getLocalPort()))
					.connectTimeout(Duration.ofMillis(300))
					.retryPolicy(RetryPolicy.NONE)
					.build())) {
			assertThatExceptionOfType(TransportException.class).isThrownBy(() -> stream(client).checkTail())
				.satisfies((ex) -> assertThat(ex.getMessage()).contains("not ready within 300 ms"));
		}
	}

	@Test
	void aBlankAccessTokenSendsNoAuthorizationHeaderOnTheDataPlane() throws Exception {
		try (ScriptedH2Server server = new ScriptedH2Server(
				() -> (exchange, headers) -> exchange.respond(200, "{\"tail\":{\"seq_num\":3,\"timestamp\":9}}"));
				S2Client withToken = client(server.baseUrl(), AppendRetryPolicy.ALL);
				S2Client blank = S2Client.create(S2ClientConfig.builder(" ")
					.endpoints(S2Endpoints.single(server.baseUrl()))
					.retryPolicy(RetryPolicy.NONE)
					.build())) {
			assertThat(stream(withToken).checkTail().seqNum()).isEqualTo(3);
			assertThat(stream(blank).checkTail().seqNum()).isEqualTo(3);
			assertThat(server.requests()).hasSize(2);
			assertThat(server.requests().get(0).get("authorization")).hasToString("Bearer t");
			assertThat(server.requests().get(1).contains("authorization")).isFalse();
			assertThat(server.requests().get(1).get("user-agent")).hasToString(S2ClientConfig.DEFAULT_USER_AGENT);
		}
	}

}
