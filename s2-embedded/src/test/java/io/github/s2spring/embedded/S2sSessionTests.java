package io.github.s2spring.embedded;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import com.google.protobuf.ByteString;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import s2.v1.AppendAck;
import s2.v1.AppendInput;
import s2.v1.AppendRecord;
import s2.v1.ReadBatch;

import io.github.s2spring.embedded.support.H2Client;
import io.github.s2spring.embedded.support.Http1;
import io.github.s2spring.protocol.s2s.S2sFrame;

import static org.assertj.core.api.Assertions.assertThat;

class S2sSessionTests {

	static S2EmbeddedServer server;

	static Http1 http;

	static H2Client h2;

	@BeforeAll
	static void start() {
		server = S2EmbeddedServer.builder().build().start();
		http = new Http1(server.baseUrl(), "session-basin");
		assertThat(http.post("/v1/basins", "{\"basin\":\"session-basin\"}").status()).isEqualTo(201);
		h2 = new H2Client("127.0.0.1", server.port());
	}

	@AfterAll
	static void stop() {
		h2.close();
		server.close();
	}

	static void createStream(String name) {
		assertThat(http.post("/v1/streams", "{\"stream\":\"" + name + "\"}").status()).isEqualTo(201);
	}

	static H2Client.Exchange appendSession(String stream, String... extra) {
		String[] headers = new String[4 + extra.length];
		headers[0] = "content-type";
		headers[1] = "s2s/proto";
		headers[2] = "s2-basin";
		headers[3] = "session-basin";
		System.arraycopy(extra, 0, headers, 4, extra.length);
		return h2.open("POST", "/v1/streams/" + stream + "/records", false, headers);
	}

	static H2Client.Exchange readSession(String stream, String query, String... extra) {
		String[] headers = new String[4 + extra.length];
		headers[0] = "content-type";
		headers[1] = "s2s/proto";
		headers[2] = "s2-basin";
		headers[3] = "session-basin";
		System.arraycopy(extra, 0, headers, 4, extra.length);
		return h2.open("GET", "/v1/streams/" + stream + "/records" + query, true, headers);
	}

	static AppendInput batch(String... bodies) {
		AppendInput.Builder input = AppendInput.newBuilder();
		for (String body : bodies) {
			input.addRecords(AppendRecord.newBuilder().setBody(ByteString.copyFromUtf8(body)));
		}
		return input.build();
	}

	static AppendAck ack(S2sFrame frame) throws Exception {
		assertThat(frame).isInstanceOf(S2sFrame.Regular.class);
		return AppendAck.parseFrom(((S2sFrame.Regular) frame).payload());
	}

	static ReadBatch readBatch(S2sFrame frame) throws Exception {
		assertThat(frame).as(frame.toString()).isInstanceOf(S2sFrame.Regular.class);
		return ReadBatch.parseFrom(((S2sFrame.Regular) frame).payload());
	}

	@Test
	void acknowledgesPipelinedBatchesInOrderAndClosesCleanly() throws Exception {
		createStream("acks");
		H2Client.Exchange session = appendSession("acks");
		session.send(S2sFrame.of(batch("a", "b")));
		session.send(S2sFrame.of(batch("c")));
		session.send(S2sFrame.of(batch("d", "e", "f")));
		assertThat(session.status.get(10, TimeUnit.SECONDS)).isEqualTo(200);
		AppendAck first = ack(session.nextFrame());
		AppendAck second = ack(session.nextFrame());
		AppendAck third = ack(session.nextFrame());
		assertThat(first.getStart().getSeqNum()).isZero();
		assertThat(first.getEnd().getSeqNum()).isEqualTo(2);
		assertThat(second.getStart().getSeqNum()).isEqualTo(2);
		assertThat(third.getEnd().getSeqNum()).isEqualTo(6);
		session.endInput();
		session.ended.get(10, TimeUnit.SECONDS);
		assertThat(session.frames).isEmpty();
		assertThat(http.get("/v1/streams/acks/records/tail").json().path("tail").path("seq_num").asLong()).isEqualTo(6);
	}

	@Test
	void endsWithATerminalFrameOnPreconditionFailure() throws Exception {
		createStream("precondition");
		H2Client.Exchange session = appendSession("precondition");
		session.send(S2sFrame.of(batch("a")));
		session.send(S2sFrame.of(batch("b").toBuilder().setMatchSeqNum(7).build()));
		session.send(S2sFrame.of(batch("c")));
		assertThat(ack(session.nextFrame()).getEnd().getSeqNum()).isEqualTo(1);
		S2sFrame terminal = session.nextFrame();
		assertThat(terminal).isEqualTo(new S2sFrame.Terminal(412, "{\"seq_num_mismatch\":1}"));
		session.ended.get(10, TimeUnit.SECONDS);
		assertThat(http.get("/v1/streams/precondition/records/tail").json().path("tail").path("seq_num").asLong())
			.isEqualTo(1);
	}

	@Test
	void rejectsBadFramesAndInvalidBatchesWithTerminalFrames() throws Exception {
		createStream("bad-frames");
		H2Client.Exchange unknownCompression = appendSession("bad-frames");
		unknownCompression.send(Unpooled.wrappedBuffer(new byte[] { 0, 0, 2, 0x60, 0 }), false);
		assertTerminal(unknownCompression, 400, "bad_frame");
		H2Client.Exchange clientTerminal = appendSession("bad-frames");
		clientTerminal.send(new S2sFrame.Terminal(400, "{}"));
		assertTerminal(clientTerminal, 400, "bad_frame");
		H2Client.Exchange badProto = appendSession("bad-frames");
		badProto.send(new S2sFrame.Regular(new byte[] { 0x0a, 0x7f }, false));
		assertTerminal(badProto, 400, "bad_frame");
		H2Client.Exchange empty = appendSession("bad-frames");
		empty.send(S2sFrame.of(AppendInput.getDefaultInstance()));
		assertTerminal(empty, 422, "invalid");
		H2Client.Exchange truncated = appendSession("bad-frames");
		truncated.send(Unpooled.wrappedBuffer(new byte[] { 0, 0, 9, 0 }), true);
		assertTerminal(truncated, 400, "bad_frame");
	}

	static void assertTerminal(H2Client.Exchange session, int status, String code) throws Exception {
		S2sFrame frame = session.nextFrame();
		assertThat(frame).isInstanceOf(S2sFrame.Terminal.class);
		S2sFrame.Terminal terminal = (S2sFrame.Terminal) frame;
		assertThat(terminal.status()).isEqualTo(status);
		assertThat(terminal.body()).contains("\"code\":\"" + code + "\"");
		session.ended.get(10, TimeUnit.SECONDS);
	}

	@Test
	void answersErrorsBeforeTheSessionAsHttpResponses() throws Exception {
		H2Client.Exchange missing = appendSession("no-such-stream");
		assertThat(missing.status.get(10, TimeUnit.SECONDS)).isEqualTo(404);
		missing.ended.get(10, TimeUnit.SECONDS);
		assertThat(new String(missing.rawBody(), StandardCharsets.UTF_8)).contains("stream_not_found");
		createStream("range");
		H2Client.Exchange beyond = readSession("range", "?seq_num=5");
		assertThat(beyond.status.get(10, TimeUnit.SECONDS)).isEqualTo(416);
		beyond.ended.get(10, TimeUnit.SECONDS);
		assertThat(new String(beyond.rawBody(), StandardCharsets.UTF_8))
			.isEqualTo("{\"tail\":{\"seq_num\":0,\"timestamp\":0}}");
	}

	@Test
	void readSessionCatchesUpSendsHeartbeatAtTheTailAndFollows() throws Exception {
		createStream("follow");
		http.post("/v1/streams/follow/records", "{\"records\":[{\"body\":\"0\"},{\"body\":\"1\"}]}");
		H2Client.Exchange read = readSession("follow", "?seq_num=0");
		assertThat(read.status.get(10, TimeUnit.SECONDS)).isEqualTo(200);
		ReadBatch catchUp = readBatch(read.nextFrame());
		assertThat(catchUp.getRecordsCount()).isEqualTo(2);
		ReadBatch heartbeat = readBatch(read.nextFrame());
		assertThat(heartbeat.getRecordsCount()).isZero();
		assertThat(heartbeat.getTail().getSeqNum()).isEqualTo(2);
		http.post("/v1/streams/follow/records", "{\"records\":[{\"body\":\"2\"}]}");
		ReadBatch live = readBatch(read.nextFrame());
		assertThat(live.getRecords(0).getSeqNum()).isEqualTo(2);
		assertThat(live.getRecords(0).getBody().toStringUtf8()).isEqualTo("2");
		assertThat(live.getTail().getSeqNum()).isEqualTo(3);
		read.stream().close();
	}

	@Test
	void readSessionSendsPeriodicHeartbeatsWhileIdle() throws Exception {
		createStream("idle");
		H2Client.Exchange read = readSession("idle", "");
		assertThat(readBatch(read.nextFrame()).getRecordsCount()).isZero();
		ReadBatch periodic = readBatch(read.nextFrame());
		assertThat(periodic.getRecordsCount()).isZero();
		assertThat(periodic.getTail().getSeqNum()).isZero();
		read.stream().close();
	}

	@Test
	void readSessionEndsWithoutTerminalFrameWhenBoundsAreMet() throws Exception {
		createStream("bounded");
		http.post("/v1/streams/bounded/records", "{\"records\":[{\"body\":\"0\"},{\"body\":\"1\"},{\"body\":\"2\"}]}");
		H2Client.Exchange read = readSession("bounded", "?seq_num=0&count=2");
		ReadBatch batch = readBatch(read.nextFrame());
		assertThat(batch.getRecordsCount()).isEqualTo(2);
		read.ended.get(10, TimeUnit.SECONDS);
		assertThat(read.frames).isEmpty();
		H2Client.Exchange waiting = readSession("bounded", "?seq_num=3&count=5&wait=1");
		ReadBatch heartbeat = readBatch(waiting.nextFrame());
		assertThat(heartbeat.getRecordsCount()).isZero();
		waiting.ended.get(10, TimeUnit.SECONDS);
		assertThat(waiting.frames).isEmpty();
	}

	@Test
	void readSessionCompressesLargeFramesWhenAsked() throws Exception {
		createStream("compressed");
		String big = "z".repeat(4000);
		http.post("/v1/streams/compressed/records", "{\"records\":[{\"body\":\"" + big + "\"}]}");
		H2Client.Exchange read = readSession("compressed", "?seq_num=0&count=1", "accept-encoding", "gzip");
		ReadBatch batch = readBatch(read.nextFrame());
		assertThat(batch.getRecords(0).getBody().toStringUtf8()).isEqualTo(big);
		read.ended.get(10, TimeUnit.SECONDS);
		assertThat(read.receivedBytes.get()).isLessThan(1000);
	}

	@Test
	void readSessionFailsWithTerminalFrameWhenTheStreamIsDeleted() throws Exception {
		createStream("doomed");
		H2Client.Exchange read = readSession("doomed", "");
		assertThat(readBatch(read.nextFrame()).getRecordsCount()).isZero();
		assertThat(http.delete("/v1/streams/doomed").status()).isEqualTo(202);
		S2sFrame frame = read.nextFrame();
		assertThat(frame).isInstanceOf(S2sFrame.Terminal.class);
		assertThat(((S2sFrame.Terminal) frame).status()).isEqualTo(404);
	}

	@Test
	void unaryRequestsWorkOverHttp2() throws Exception {
		H2Client.Exchange tail = h2.open("GET", "/v1/basins/session-basin", true);
		assertThat(tail.status.get(10, TimeUnit.SECONDS)).isEqualTo(200);
		tail.ended.get(10, TimeUnit.SECONDS);
		assertThat(new String(tail.rawBody(), StandardCharsets.UTF_8)).contains("create_stream_on_append");
	}

}
