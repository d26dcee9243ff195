package io.github.s2spring.embedded.record;

import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import com.google.protobuf.ByteString;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import s2.v1.AppendInput;
import s2.v1.AppendRecord;
import s2.v1.Header;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.github.s2spring.embedded.S2EmbeddedServer;
import io.github.s2spring.embedded.support.H2Client;
import io.github.s2spring.embedded.support.Http1;
import io.github.s2spring.protocol.s2s.Compression;
import io.github.s2spring.protocol.s2s.S2sFrame;
import io.github.s2spring.protocol.s2s.S2sFrameEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

class RequestRecordingTests {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final List<RecordedRequest> recorded = new CopyOnWriteArrayList<>();

	@Test
	void recordsControlPlaneRequestsWithTheHeadersS2ReadsAndJsonBodies() {
		try (S2EmbeddedServer server = S2EmbeddedServer.builder().requestRecorder(this.recorded::add).build().start()) {
			Http1 http = new Http1(server.baseUrl(), null);
			http.post("/v1/basins", "{\"basin\":\"rec-basin-1\"}", "authorization", "Bearer t", "s2-request-token",
					"tok-1", "user-agent", "probe/1", "x-other", "ignored");
			http.get("/health?mark=next");
			http.get("/v1/metrics?set=account-ops&start=1&end=2&start=3");
		}
		assertThat(this.recorded).hasSize(3);
		assertThat(json(0))
			.isEqualTo("{\"seq\":0,\"protocol\":\"HTTP/1.1\",\"method\":\"POST\",\"path\":\"/v1/basins\","
					+ "\"query\":{},\"headers\":{\"authorization\":\"Bearer t\",\"content-type\":\"application/json\","
					+ "\"s2-request-token\":\"tok-1\",\"user-agent\":\"probe/1\"},"
					+ "\"body\":{\"json\":{\"basin\":\"rec-basin-1\"}},\"complete\":true}");
		assertThat(this.recorded.get(0).headers()).containsEntry("x-other", "ignored");
		assertThat(json(1)).contains("\"path\":\"/health\",\"query\":{\"mark\":\"next\"}", "\"body\":null");
		assertThat(json(2)).contains("\"query\":{\"end\":\"2\",\"set\":\"account-ops\",\"start\":[\"1\",\"3\"]}");
		assertThat(Recording.fromRequests(this.recorded).operations())
			.extracting(Recording.Operation::name, (operation) -> operation.requests().size())
			.containsExactly(tuple(Recording.UNMARKED, 1), tuple("next", 1));
	}

	@Test
	void recordsUnaryAppendsDecodedAndDecompressed() throws Exception {
		AppendInput input = AppendInput.newBuilder()
			.addRecords(AppendRecord.newBuilder()
				.setTimestamp(0)
				.addHeaders(Header.newBuilder()
					.setName(ByteString.copyFromUtf8("h"))
					.setValue(ByteString.copyFrom(new byte[] { 0, 1 })))
				.setBody(ByteString.copyFromUtf8("bin")))
			.setMatchSeqNum(0)
			.build();
		try (S2EmbeddedServer server = S2EmbeddedServer.builder().requestRecorder(this.recorded::add).build().start()) {
			HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/streams/a%2Fb/records"))
				.header("content-type", "application/protobuf")
				.header("content-encoding", "gzip")
				.header("s2-basin", "rec-basin-1")
				.POST(HttpRequest.BodyPublishers.ofByteArray(gzip(input.toByteArray())))
				.build(), HttpResponse.BodyHandlers.discarding());
			client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/streams/s/records"))
				.header("content-type", "application/protobuf")
				.POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] { 1, 2, 3 }))
				.build(), HttpResponse.BodyHandlers.discarding());
			client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/streams/s/records"))
				.header("content-type", "text/plain")
				.POST(HttpRequest.BodyPublishers.ofString("not json"))
				.build(), HttpResponse.BodyHandlers.discarding());
		}
		assertThat(json(0)).contains("\"path\":\"/v1/streams/a%2Fb/records\"", "\"content-encoding\":\"gzip\"",
				"\"body\":{\"proto\":\"s2.v1.AppendInput\",\"message\":{\"records\":[{\"timestamp\":0,"
						+ "\"headers\":[{\"name\":\"aA==\",\"value\":\"AAE=\"}],\"body\":\"Ymlu\"}],\"match_seq_num\":0}}");
		assertThat(json(1)).contains("\"body\":{\"error\":", "\"base64\":\"AQID\"}");
		assertThat(json(2)).contains("\"body\":{\"base64\":\"bm90IGpzb24=\"}");
	}

	@Test
	void recordsSessionsFrameByFrameWithTheirFlags() throws Exception {
		try (S2EmbeddedServer server = S2EmbeddedServer.builder().requestRecorder(this.recorded::add).build().start();
				H2Client h2 = new H2Client("127.0.0.1", server.port())) {
			Http1 http = new Http1(server.baseUrl(), "rec-basin-2");
			http.post("/v1/basins", "{\"basin\":\"rec-basin-2\"}");
			http.post("/v1/streams", "{\"stream\":\"s\"}");
			H2Client.Exchange append = h2.open("POST", "/v1/streams/s/records", false, "content-type", "s2s/proto",
					"s2-basin", "rec-basin-2", "accept-encoding", "gzip");
			append.send(S2sFrame.of(batch("small")));
			append.nextFrame();
			append.send(new S2sFrameEncoder(Compression.GZIP).encode(S2sFrame.of(batch("x".repeat(2000))),
					UnpooledByteBufAllocator.DEFAULT), false);
			append.nextFrame();
			append.endInput();
			append.ended.get(10, TimeUnit.SECONDS);
			H2Client.Exchange read = h2.open("GET", "/v1/streams/s/records?seq_num=0&count=2", true, "content-type",
					"s2s/proto", "s2-basin", "rec-basin-2");
			read.ended.get(10, TimeUnit.SECONDS);
			H2Client.Exchange cut = h2.open("POST", "/v1/streams/s/records", false, "content-type", "s2s/proto",
					"s2-basin", "rec-basin-2");
			cut.send(S2sFrame.of(batch("y")));
			cut.nextFrame();
			cut.send(Unpooled.wrappedBuffer(new byte[] { 0, 0, 9, 0, 1 }), false);
			cut.stream().close();
			await().atMost(Duration.ofSeconds(10)).until(() -> this.recorded.size() == 5);
		}
		JsonNode append = MAPPER.readTree(json(2));
		assertThat(append.path("protocol").asString()).isEqualTo("HTTP/2");
		assertThat(append.path("headers").path("accept-encoding").asString()).isEqualTo("gzip");
		JsonNode frames = append.path("body").path("s2s");
		assertThat(frames).hasSize(2);
		assertThat(frames.get(0).toString()).isEqualTo("{\"flag\":0,\"compression\":\"none\",\"terminal\":false,"
				+ "\"reconnect_advised\":false,\"proto\":\"s2.v1.AppendInput\",\"message\":{\"records\":[{\"body\":\"c21hbGw=\"}]}}");
		assertThat(frames.get(1).path("flag").asInt()).isEqualTo(0x40);
		assertThat(frames.get(1).path("compression").asString()).isEqualTo("gzip");
		assertThat(frames.get(1).path("message").path("records").get(0).path("body").asString())
			.isEqualTo(java.util.Base64.getEncoder().encodeToString("x".repeat(2000).getBytes(StandardCharsets.UTF_8)));
		assertThat(append.path("complete").asBoolean()).isTrue();
		JsonNode read = MAPPER.readTree(json(3));
		assertThat(read.path("method").asString()).isEqualTo("GET");
		assertThat(read.path("query").toString()).isEqualTo("{\"count\":\"2\",\"seq_num\":\"0\"}");
		assertThat(read.path("body").isNull()).isTrue();
		JsonNode cut = MAPPER.readTree(json(4));
		assertThat(cut.path("complete").asBoolean()).isFalse();
		assertThat(cut.path("body").path("s2s")).hasSize(2);
		assertThat(cut.path("body").path("s2s").get(1).path("partial").asString()).isEqualTo("AAAJAAE=");
	}

	@Test
	void recordsTerminalAndBrokenFramesAsTheyCame() {
		byte[] frames = { 0, 0, 3, (byte) 0x80, 1, (byte) 0x90, 0, 0, 2, 0x60, 7, 0, 0, 0 };
		RecordedRequest request = new RecordedRequest(9, "HTTP/2", "POST", "/v1/streams/s/records",
				Map.of("content-type", "s2s/proto"), frames, true);
		assertThat(RequestJson.of(request).path("body").path("s2s").toString())
			.isEqualTo("[{\"flag\":128,\"compression\":\"none\",\"terminal\":true,\"reconnect_advised\":false,"
					+ "\"status\":400,\"text\":\"\"},{\"flag\":96,\"compression\":\"unknown\",\"terminal\":false,"
					+ "\"reconnect_advised\":false,\"error\":\"Unknown compression algorithm: flag byte 0x60\"},"
					+ "{\"partial\":\"AAAA\"}]");
		RecordedRequest read = new RecordedRequest(1, "HTTP/2", "GET", "/v1/streams/s/records",
				Map.of("content-type", "s2s/proto"), new byte[] { 0, 0, 1, 0 }, true);
		assertThat(RequestJson.of(read).path("body").path("s2s").get(0).path("base64").asString()).isEmpty();
	}

	@Test
	void writesOneJsonLinePerRequestToAFile(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("recording.jsonl");
		try (S2EmbeddedServer server = S2EmbeddedServer.builder()
			.requestRecorder(RequestRecorder.jsonLines(file))
			.build()
			.start()) {
			Http1 http = new Http1(server.baseUrl(), null);
			http.get("/health?mark=one");
			http.get("/health?mark=two");
		}
		List<String> lines = Files.readAllLines(file);
		assertThat(lines).hasSize(2);
		assertThat(MAPPER.readTree(lines.get(1)).path("query").path("mark").asString()).isEqualTo("two");
		assertThatThrownBy(() -> RequestRecorder.jsonLines(dir.resolve("no/such/dir/f")))
			.isInstanceOf(UncheckedIOException.class);
	}

	private String json(int index) {
		return RequestJson
			.of(this.recorded.stream().sorted((a, b) -> Long.compare(a.seq(), b.seq())).toList().get(index))
			.toString();
	}

	private static AppendInput batch(String body) {
		return AppendInput.newBuilder()
			.addRecords(AppendRecord.newBuilder().setBody(ByteString.copyFromUtf8(body)))
			.build();
	}

	private static byte[] gzip(byte[] bytes) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(bytes);
		}
		return out.toByteArray();
	}

}
