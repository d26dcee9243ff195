package io.github.s2spring.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.zip.GZIPOutputStream;

import com.google.protobuf.ByteString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import s2.v1.AppendAck;
import s2.v1.AppendInput;
import s2.v1.AppendRecord;
import s2.v1.Header;
import s2.v1.ReadBatch;
import tools.jackson.databind.JsonNode;

import io.github.s2spring.embedded.support.Http1;
import io.github.s2spring.protocol.limits.CommandRecords;

import static org.assertj.core.api.Assertions.assertThat;

class UnaryRecordsTests {

	static S2EmbeddedServer server;

	static Http1 http;

	@BeforeAll
	static void start() {
		server = S2EmbeddedServer.builder().build().start();
		http = new Http1(server.baseUrl(), "records-basin");
		assertThat(http.post("/v1/basins", "{\"basin\":\"records-basin\"}").status()).isEqualTo(201);
		assertThat(http
			.post("/v1/basins",
					"{\"basin\":\"auto-basin-1\",\"config\":{\"create_stream_on_append\":true,"
							+ "\"create_stream_on_read\":true}}")
			.status()).isEqualTo(201);
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	static void createStream(String name, String config) {
		assertThat(http.post("/v1/streams", "{\"stream\":\"" + name + "\",\"config\":" + config + "}").status())
			.isEqualTo(201);
	}

	static JsonNode append(String stream, String body) {
		Http1.Response response = http.post("/v1/streams/" + stream + "/records", body);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	@Test
	void appendsAndReadsJson() {
		createStream("json", "null");
		JsonNode ack = append("json",
				"{\"records\":[{\"timestamp\":5,\"headers\":[[\"k\",\"v\"]],\"body\":\"hello\"},{\"body\":\"world\"}]}");
		assertThat(ack.path("start").path("seq_num").asLong()).isZero();
		assertThat(ack.path("start").path("timestamp").asLong()).isEqualTo(5);
		assertThat(ack.path("end").path("seq_num").asLong()).isEqualTo(2);
		assertThat(ack.path("tail").path("seq_num").asLong()).isEqualTo(2);
		JsonNode read = http.get("/v1/streams/json/records?seq_num=0").json();
		assertThat(read.path("records")).hasSize(2);
		JsonNode first = read.path("records").get(0);
		assertThat(first.path("seq_num").asLong()).isZero();
		assertThat(first.path("timestamp").asLong()).isEqualTo(5);
		assertThat(first.path("headers").get(0).get(0).asString()).isEqualTo("k");
		assertThat(first.path("body").asString()).isEqualTo("hello");
		assertThat(read.path("records").get(1).has("headers")).isFalse();
		assertThat(read.path("tail").path("seq_num").asLong()).isEqualTo(2);
		assertThat(http.get("/v1/streams/json/records/tail").json().path("tail").path("seq_num").asLong()).isEqualTo(2);
	}

	@Test
	void appendsAndReadsBase64AndProtobuf() {
		createStream("binary", "null");
		String b64 = Base64.getEncoder().encodeToString(new byte[] { 0, 1, (byte) 0xFF });
		Http1.Response appended = http.post("/v1/streams/binary/records",
				"{\"records\":[{\"headers\":[[\"" + b64 + "\",\"" + b64 + "\"]],\"body\":\"" + b64 + "\"}]}",
				"s2-format", "base64");
		assertThat(appended.status()).isEqualTo(200);
		AppendInput input = AppendInput.newBuilder()
			.addRecords(AppendRecord.newBuilder()
				.addHeaders(Header.newBuilder()
					.setName(ByteString.copyFromUtf8("h"))
					.setValue(ByteString.copyFrom(new byte[] { 9 })))
				.setBody(ByteString.copyFromUtf8("bin")))
			.build();
		Http1.Response proto = http.send("POST", "/v1/streams/binary/records", input.toByteArray(), "content-type",
				"application/protobuf", "accept", "application/protobuf");
		assertThat(proto.status()).isEqualTo(200);
		assertThat(proto.header("content-type")).isEqualTo("application/protobuf");
		assertThat(parseAck(proto.bytes()).getStart().getSeqNum()).isEqualTo(1);
		Http1.Response read = http.get("/v1/streams/binary/records?seq_num=0", "accept", "application/x-protobuf");
		ReadBatch batch = parseBatch(read.bytes());
		assertThat(batch.getRecordsCount()).isEqualTo(2);
		assertThat(batch.getRecords(0).getBody().toByteArray()).containsExactly(0, 1, 0xFF);
		assertThat(batch.getRecords(1).getHeaders(0).getValue().toByteArray()).containsExactly(9);
		assertThat(batch.getTail().getSeqNum()).isEqualTo(2);
		JsonNode asBase64 = http.get("/v1/streams/binary/records?seq_num=0&count=1", "s2-format", "json-binsafe")
			.json();
		assertThat(asBase64.path("records").get(0).path("body").asString()).isEqualTo(b64);
		JsonNode raw = http.get("/v1/streams/binary/records?seq_num=1", "s2-format", "raw").json();
		assertThat(raw.path("records").get(0).path("body").asString()).isEqualTo("bin");
		assertThat(http.get("/v1/streams/binary/records?seq_num=0", "s2-format", "hex").code()).isEqualTo("bad_header");
		assertThat(http.post("/v1/streams/binary/records", "{\"records\":[{\"body\":\"***\"}]}", "s2-format", "base64")
			.code()).isEqualTo("invalid");
	}

	@Test
	void appliesReadRules() {
		createStream("rules", "{\"timestamping\":{\"mode\":\"client-require\"}}");
		StringBuilder records = new StringBuilder();
		for (int i = 0; i < 10; i++) {
			records.append((i > 0) ? "," : "")
				.append("{\"timestamp\":")
				.append(100 + i * 10)
				.append(",\"body\":\"r")
				.append(i)
				.append("\"}");
		}
		append("rules", "{\"records\":[" + records + "]}");
		assertThat(http.get("/v1/streams/rules/records").status()).isEqualTo(416);
		Http1.Response beyond = http.get("/v1/streams/rules/records?seq_num=11");
		assertThat(beyond.status()).isEqualTo(416);
		assertThat(beyond.json().path("tail").path("seq_num").asLong()).isEqualTo(10);
		assertThat(http.get("/v1/streams/rules/records?seq_num=11&clamp=true").status()).isEqualTo(416);
		assertThat(http.get("/v1/streams/rules/records?seq_num=0&timestamp=1").code()).isEqualTo("invalid");
		assertThat(http.get("/v1/streams/rules/records?timestamp=150&until=150").code()).isEqualTo("invalid");
		assertThat(http.get("/v1/streams/rules/records?timestamp=1000").status()).isEqualTo(416);
		assertThat(http.get("/v1/streams/rules/records?clamp=maybe").code()).isEqualTo("bad_query");
		assertThat(http.get("/v1/streams/rules/records?count=-1").code()).isEqualTo("bad_query");
		assertThat(http.get("/v1/streams/rules/records?wait=99999999999").code()).isEqualTo("bad_query");
		assertThat(seqNums("/v1/streams/rules/records?seq_num=2&count=3")).containsExactly(2L, 3L, 4L);
		assertThat(seqNums("/v1/streams/rules/records?tail_offset=2")).containsExactly(8L, 9L);
		assertThat(seqNums("/v1/streams/rules/records?tail_offset=50&count=1")).containsExactly(0L);
		assertThat(seqNums("/v1/streams/rules/records?timestamp=145&until=170")).containsExactly(5L, 6L);
		assertThat(seqNums("/v1/streams/rules/records?seq_num=0&bytes=21")).containsExactly(0L, 1L);
		assertThat(seqNums("/v1/streams/rules/records?seq_num=0&count=0")).isEmpty();
		assertThat(seqNums("/v1/streams/rules/records?seq_num=0&bytes=5")).isEmpty();
		assertThat(http.post("/v1/streams/rules/records", "{\"records\":[{\"body\":\"no ts\"}]}").code())
			.isEqualTo("invalid");
	}

	@Test
	void longPollsUntilRecordsArriveOrTheWaitExpires() throws Exception {
		createStream("poll", "null");
		Http1.Response empty = http.get("/v1/streams/poll/records?wait=1");
		assertThat(empty.status()).isEqualTo(200);
		assertThat(empty.json().path("records")).isEmpty();
		CompletableFuture<Http1.Response> waiting = CompletableFuture
			.supplyAsync(() -> http.get("/v1/streams/poll/records?seq_num=0&wait=30"));
		Thread.sleep(300);
		append("poll", "{\"records\":[{\"body\":\"late\"}]}");
		JsonNode read = waiting.get().json();
		assertThat(read.path("records").get(0).path("body").asString()).isEqualTo("late");
	}

	@Test
	void checksFencingTokenBeforeMatchSeqNum() {
		createStream("fenced", "null");
		AppendInput fence = AppendInput.newBuilder().addRecords(CommandRecords.fence("owner-1")).build();
		assertThat(http
			.send("POST", "/v1/streams/fenced/records", fence.toByteArray(), "content-type", "application/x-protobuf")
			.status()).isEqualTo(200);
		Http1.Response wrongToken = http.post("/v1/streams/fenced/records",
				"{\"records\":[{\"body\":\"a\"}],\"fencing_token\":\"other\",\"match_seq_num\":99}");
		assertThat(wrongToken.status()).isEqualTo(412);
		assertThat(wrongToken.json().path("fencing_token_mismatch").asString()).isEqualTo("owner-1");
		Http1.Response wrongSeq = http.post("/v1/streams/fenced/records",
				"{\"records\":[{\"body\":\"a\"}],\"fencing_token\":\"owner-1\",\"match_seq_num\":99}");
		assertThat(wrongSeq.status()).isEqualTo(412);
		assertThat(wrongSeq.json().path("seq_num_mismatch").asLong()).isEqualTo(1);
		append("fenced", "{\"records\":[{\"body\":\"a\"}],\"fencing_token\":\"owner-1\",\"match_seq_num\":1}");
		JsonNode command = http.get("/v1/streams/fenced/records?seq_num=0&count=1").json().path("records").get(0);
		assertThat(command.path("headers").get(0).get(0).asString()).isEmpty();
		assertThat(command.path("headers").get(0).get(1).asString()).isEqualTo("fence");
		assertThat(command.path("body").asString()).isEqualTo("owner-1");
		assertThat(http.post("/v1/streams/fenced/records", "{\"records\":[{\"headers\":[[\"\",\"nuke\"]]}]}").code())
			.isEqualTo("invalid");
	}

	@Test
	void trimsTheStream() {
		createStream("trimmed", "null");
		append("trimmed", "{\"records\":[{\"body\":\"0\"},{\"body\":\"1\"},{\"body\":\"2\"}]}");
		AppendInput trim = AppendInput.newBuilder().addRecords(CommandRecords.trim(2)).build();
		assertThat(http
			.send("POST", "/v1/streams/trimmed/records", trim.toByteArray(), "content-type", "application/protobuf")
			.status()).isEqualTo(200);
		assertThat(seqNums("/v1/streams/trimmed/records?seq_num=0")).containsExactly(2L, 3L);
	}

	@Test
	void assignsTimestampsByMode() {
		createStream("arrival", "{\"timestamping\":{\"mode\":\"arrival\"}}");
		long before = System.currentTimeMillis();
		JsonNode ack = append("arrival", "{\"records\":[{\"timestamp\":1,\"body\":\"a\"}]}");
		assertThat(ack.path("start").path("timestamp").asLong()).isGreaterThanOrEqualTo(before);
		createStream("capped", "null");
		long future = System.currentTimeMillis() + 3_600_000;
		JsonNode capped = append("capped",
				"{\"records\":[{\"timestamp\":" + future + ",\"body\":\"a\"},{\"timestamp\":7,\"body\":\"b\"}]}");
		assertThat(capped.path("start").path("timestamp").asLong()).isLessThan(future);
		assertThat(capped.path("end").path("timestamp").asLong())
			.isEqualTo(capped.path("start").path("timestamp").asLong());
		createStream("uncapped", "{\"timestamping\":{\"uncapped\":true}}");
		JsonNode uncapped = append("uncapped", "{\"records\":[{\"timestamp\":" + future + ",\"body\":\"a\"}]}");
		assertThat(uncapped.path("start").path("timestamp").asLong()).isEqualTo(future);
	}

	@Test
	void createsStreamsOnAppendAndRead() {
		Http1 auto = new Http1(server.baseUrl(), "auto-basin-1");
		assertThat(auto.get("/v1/streams/read-created/records/tail").json().path("tail").path("seq_num").asLong())
			.isZero();
		assertThat(auto.post("/v1/streams/append-created/records", "{\"records\":[{\"body\":\"x\"}]}").status())
			.isEqualTo(200);
		assertThat(auto.get("/v1/streams").json().path("streams")).hasSize(2);
		assertThat(auto
			.post("/v1/streams/configured/records", "{\"records\":[{\"body\":\"x\"}]}", "s2-stream-config",
					"{\"retention_policy\":{\"age\":777}}")
			.status()).isEqualTo(200);
		assertThat(auto.get("/v1/streams/configured").json().path("retention_policy").path("age").asLong())
			.isEqualTo(777);
		assertThat(auto.get("/v1/streams/other/records/tail", "s2-stream-config", "{\"storage_class\":1}").code())
			.isEqualTo("bad_header");
		assertThat(http.get("/v1/streams/missing/records/tail").code()).isEqualTo("stream_not_found");
		assertThat(http.post("/v1/streams/missing/records", "{\"records\":[{\"body\":\"x\"}]}").code())
			.isEqualTo("stream_not_found");
	}

	@Test
	void acceptsGzipBodies() throws IOException {
		createStream("gzipped", "null");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write("{\"records\":[{\"body\":\"zipped\"}]}".getBytes(StandardCharsets.UTF_8));
		}
		Http1.Response response = http.send("POST", "/v1/streams/gzipped/records", out.toByteArray(), "content-type",
				"application/json", "content-encoding", "gzip");
		assertThat(response.status()).isEqualTo(200);
		assertThat(
				http.get("/v1/streams/gzipped/records?seq_num=0").json().path("records").get(0).path("body").asString())
			.isEqualTo("zipped");
	}

	@Test
	void rejectsBadAppends() {
		createStream("bad", "null");
		assertThat(http.post("/v1/streams/bad/records", "{\"records\":[]}").code()).isEqualTo("invalid");
		assertThat(http.post("/v1/streams/bad/records", "{\"records\":{}}").code()).isEqualTo("bad_json");
		assertThat(http.post("/v1/streams/bad/records", "{\"records\":[1]}").code()).isEqualTo("bad_json");
		assertThat(http.post("/v1/streams/bad/records", "{\"records\":[{\"headers\":[[\"a\"]]}]}").code())
			.isEqualTo("bad_json");
		assertThat(http.post("/v1/streams/bad/records", "{\"records\":[{\"headers\":{}}]}").code())
			.isEqualTo("bad_json");
		assertThat(http.post("/v1/streams/bad/records", "{\"records\":[{\"body\":1}]}").code()).isEqualTo("bad_json");
		assertThat(http.post("/v1/streams/bad/records", "{\"records\":[{\"timestamp\":-1}]}").code())
			.isEqualTo("bad_json");
		assertThat(http.post("/v1/streams/bad/records", "{\"records\":[{}],\"fencing_token\":5}").code())
			.isEqualTo("bad_json");
		assertThat(
				http.post("/v1/streams/bad/records", "{\"records\":[{}],\"fencing_token\":\"" + "x".repeat(37) + "\"}")
					.code())
			.isEqualTo("invalid");
		assertThat(http.post("/v1/streams/bad/records", "[]").code()).isEqualTo("bad_json");
		assertThat(http.post("/v1/streams/bad/records", "{\"records\":[{\"headers\":[[\"\",\"v\"],[\"k\",\"v\"]]}]}")
			.code()).isEqualTo("invalid");
		assertThat(http
			.send("POST", "/v1/streams/bad/records", "x".getBytes(StandardCharsets.UTF_8), "content-type", "text/plain")
			.code()).isEqualTo("bad_json");
		assertThat(http
			.send("POST", "/v1/streams/bad/records", new byte[] { 0x0a, 0x7f, 0x01 }, "content-type",
					"application/protobuf")
			.code()).isEqualTo("bad_proto");
		StringBuilder many = new StringBuilder();
		for (int i = 0; i < 1001; i++) {
			many.append((i > 0) ? "," : "").append("{}");
		}
		Http1.Response tooMany = http.post("/v1/streams/bad/records", "{\"records\":[" + many + "]}");
		assertThat(tooMany.status()).isEqualTo(422);
		String big = "x".repeat(600 * 1024);
		Http1.Response tooBig = http.post("/v1/streams/bad/records",
				"{\"records\":[{\"body\":\"" + big + "\"},{\"body\":\"" + big + "\"}]}");
		assertThat(tooBig.code()).isEqualTo("invalid");
		assertThat(http.get("/v1/streams/%2E%2E/records?seq_num=0").status()).isEqualTo(400);
		assertThat(http.get("/v1/streams/bad/records?seq_num=0").json().path("records")).isEmpty();
	}

	static java.util.List<Long> seqNums(String path) {
		Http1.Response response = http.get(path);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		java.util.List<Long> seqNums = new java.util.ArrayList<>();
		response.json().path("records").forEach((record) -> seqNums.add(record.path("seq_num").asLong()));
		return seqNums;
	}

	static AppendAck parseAck(byte[] bytes) {
		try {
			return AppendAck.parseFrom(bytes);
		}
		catch (com.google.protobuf.InvalidProtocolBufferException ex) {
			throw new AssertionError(ex);
		}
	}

	static ReadBatch parseBatch(byte[] bytes) {
		try {
			return ReadBatch.parseFrom(bytes);
		}
		catch (com.google.protobuf.InvalidProtocolBufferException ex) {
			throw new AssertionError(ex);
		}
	}

}
