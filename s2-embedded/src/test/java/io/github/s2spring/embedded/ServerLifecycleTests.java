package io.github.s2spring.embedded;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import com.google.protobuf.ByteString;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import s2.v1.AppendAck;
import s2.v1.AppendInput;
import s2.v1.AppendRecord;
import s2.v1.ReadBatch;

import io.github.s2spring.embedded.support.H2Client;
import io.github.s2spring.embedded.support.Http1;
import io.github.s2spring.protocol.s2s.S2sFrame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerLifecycleTests {

	@Test
	void parsesTheCommandLine() {
		ByteArrayOutputStream help = new ByteArrayOutputStream();
		assertThat(S2EmbeddedMain.parse(new String[] { "--help" }, Map.of(), new PrintStream(help))).isNull();
		assertThat(help.toString(StandardCharsets.UTF_8)).contains("--host", "--port", "--data-dir", "--auth",
				"--root-token", "--tls-self", "--tls-cert", "--tls-key", "--no-cors", "--init-file", "--record");
		S2EmbeddedServer.Builder builder = S2EmbeddedMain.parse(new String[] { "--host", "127.0.0.1", "--port", "0",
				"--auth", "--root-token", "root", "--no-cors", "--tls-self" }, Map.of(), System.out);
		try (S2EmbeddedServer server = builder.build().start()) {
			assertThat(server.baseUrl()).startsWith("https://127.0.0.1:");
			assertThat(server.authEnabled()).isTrue();
			assertThat(server.rootToken()).isEqualTo("root");
		}
		S2EmbeddedServer fromEnv = S2EmbeddedMain.parse(new String[0], Map.of("S2_ROOT_TOKEN", "env-root"), System.out)
			.build();
		assertThat(fromEnv.rootToken()).isEqualTo("env-root");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> S2EmbeddedMain.parse(new String[] { "--bogus" }, Map.of(), System.out));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> S2EmbeddedMain.parse(new String[] { "--port" }, Map.of(), System.out));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> S2EmbeddedMain.parse(new String[] { "--port", "70000" }, Map.of(), System.out));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> S2EmbeddedMain.parse(new String[] { "--tls-cert", "c.pem" }, Map.of(), System.out));
		assertThatIllegalArgumentException().isThrownBy(() -> S2EmbeddedMain
			.parse(new String[] { "--tls-self", "--tls-cert", "c", "--tls-key", "k" }, Map.of(), System.out));
		assertThat(S2EmbeddedMain.parse(
				new String[] { "--tls-cert", "c", "--tls-key", "k", "--data-dir", "d", "--init-file", "i" },
				Map.of("S2LITE_INIT_FILE", "j"), System.out))
			.isNotNull();
		assertThat(S2EmbeddedMain.parse(new String[0], Map.of("S2LITE_INIT_FILE", "j"), System.out)).isNotNull();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> S2EmbeddedMain.parse(new String[] { "--record", "/no/such/directory/recording.jsonl" },
					Map.of(), System.out))
			.withMessageStartingWith("--record: Cannot write the recording to");
		assertThatIllegalArgumentException().isThrownBy(() -> S2EmbeddedServer.builder().port(-1));
	}

	@Test
	void recordsEveryRequestToTheFileNamedOnTheCommandLine(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("requests.jsonl");
		S2EmbeddedServer.Builder builder = S2EmbeddedMain.parse(new String[] { "--record", file.toString() }, Map.of(),
				System.out);
		try (S2EmbeddedServer server = builder.build().start()) {
			new Http1(server.baseUrl(), null).get("/health?mark=cli");
		}
		assertThat(Files.readAllLines(file)).singleElement().asString().contains("\"mark\":\"cli\"");
	}

	@Test
	void keepsBasinsStreamsAndRecordsInADataDirectory(@TempDir Path dir) throws Exception {
		try (S2EmbeddedServer server = S2EmbeddedServer.builder().dataDir(dir).build().start()) {
			Http1 http = new Http1(server.baseUrl(), "disk-basin");
			assertThat(http.post("/v1/basins", "{\"basin\":\"disk-basin\"}").status()).isEqualTo(201);
			assertThat(http.post("/v1/streams", "{\"stream\":\"kept\",\"config\":{\"storage_class\":\"standard\"}}")
				.status()).isEqualTo(201);
			assertThat(http
				.post("/v1/streams/kept/records",
						"{\"records\":[{\"body\":\"one\"},{\"headers\":[[\"\",\"fence\"]],\"body\":\"tok\"}]}")
				.status()).isEqualTo(200);
			assertThat(server.openConnections()).isPositive();
		}
		try (S2EmbeddedServer server = S2EmbeddedServer.builder().dataDir(dir).build().start()) {
			Http1 http = new Http1(server.baseUrl(), "disk-basin");
			assertThat(http.get("/v1/streams/kept").json().path("storage_class").asString()).isEqualTo("standard");
			assertThat(http.get("/v1/streams/kept/records?seq_num=0")
				.json()
				.path("records")
				.get(0)
				.path("body")
				.asString()).isEqualTo("one");
			Http1.Response fenced = http.post("/v1/streams/kept/records",
					"{\"records\":[{\"body\":\"x\"}],\"fencing_token\":\"other\"}");
			assertThat(fenced.json().path("fencing_token_mismatch").asString()).isEqualTo("tok");
		}
		assertThatIllegalStateException().isThrownBy(() -> S2EmbeddedServer.builder().build().port());
		assertThatIllegalStateException().isThrownBy(() -> S2EmbeddedServer.builder().build().store());
	}

	@Test
	void appliesAnInitFile(@TempDir Path dir) throws Exception {
		Path init = dir.resolve("init.json");
		Files.writeString(init, "{\"basins\":[{\"name\":\"init-basin\",\"config\":{\"create_stream_on_append\":true},"
				+ "\"streams\":[{\"name\":\"first\",\"config\":{\"storage_class\":\"standard\"}},{\"name\":\"second\"}]}]}");
		try (S2EmbeddedServer server = S2EmbeddedServer.builder().initFile(init).build().start()) {
			Http1 http = new Http1(server.baseUrl(), "init-basin");
			assertThat(http.get("/v1/streams").json().path("streams")).hasSize(2);
			assertThat(http.get("/v1/streams/first").json().path("storage_class").asString()).isEqualTo("standard");
			assertThat(http.get("/v1/basins/init-basin").json().path("create_stream_on_append").asBoolean()).isTrue();
		}
		Path bad = dir.resolve("bad.json");
		Files.writeString(bad, "{\"basins\":{}}");
		assertThatIllegalStateException().isThrownBy(() -> S2EmbeddedServer.builder().initFile(bad).build().start());
		Files.writeString(bad, "{\"basins\":[{\"name\":\"BAD\"}]}");
		assertThatIllegalStateException().isThrownBy(() -> S2EmbeddedServer.builder().initFile(bad).build().start());
		Files.writeString(bad, "{\"basins\":[{\"name\":\"good-name\",\"config\":{\"stream_cipher\":\"rot13\"}}]}");
		assertThatIllegalStateException().isThrownBy(() -> S2EmbeddedServer.builder().initFile(bad).build().start());
		assertThatIllegalStateException()
			.isThrownBy(() -> S2EmbeddedServer.builder().initFile(dir.resolve("missing.json")).build().start());
	}

	@Test
	void servesTlsWithAlpnForHttp1AndHttp2() throws Exception {
		try (S2EmbeddedServer server = S2EmbeddedServer.builder().tls(TlsOptions.selfSigned()).build().start()) {
			SSLContext trustAll = SSLContext.getInstance("TLS");
			trustAll.init(null, new TrustManager[] { new TrustAll() }, null);
			java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
				.sslContext(trustAll)
				.version(java.net.http.HttpClient.Version.HTTP_1_1)
				.build();
			Http1 http = new Http1(client, server.baseUrl(), "tls-basin");
			assertThat(http.post("/v1/basins", "{\"basin\":\"tls-basin\"}").status()).isEqualTo(201);
			assertThat(http.post("/v1/streams", "{\"stream\":\"s\"}").status()).isEqualTo(201);
			SslContext ssl = SslContextBuilder.forClient()
				.trustManager(InsecureTrustManagerFactory.INSTANCE)
				.applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
						ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
						ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
						ApplicationProtocolNames.HTTP_2))
				.build();
			try (H2Client h2 = new H2Client("127.0.0.1", server.port(), ssl)) {
				H2Client.Exchange session = h2.open("POST", "/v1/streams/s/records", false, "content-type", "s2s/proto",
						"s2-basin", "tls-basin");
				session.send(S2sFrame.of(AppendInput.newBuilder()
					.addRecords(AppendRecord.newBuilder().setBody(ByteString.copyFromUtf8("secure")))
					.build()));
				AppendAck ack = AppendAck.parseFrom(((S2sFrame.Regular) session.nextFrame()).payload());
				assertThat(ack.getEnd().getSeqNum()).isEqualTo(1);
				session.endInput();
				session.ended.get(10, TimeUnit.SECONDS);
			}
		}
	}

	@Test
	void advertisesTheConfiguredMaxConcurrentStreams() throws Exception {
		assertThatIllegalArgumentException().isThrownBy(() -> S2EmbeddedServer.builder().maxConcurrentStreams(-1))
			.withMessageContaining("maxConcurrentStreams");
		try (S2EmbeddedServer server = S2EmbeddedServer.builder().maxConcurrentStreams(2).build().start()) {
			Http1 http = new Http1(server.baseUrl(), "limit-basin");
			http.post("/v1/basins", "{\"basin\":\"limit-basin\"}");
			http.post("/v1/streams", "{\"stream\":\"s\"}");
			try (H2Client h2 = new H2Client("127.0.0.1", server.port())) {
				for (int i = 0; i < 2; i++) {
					H2Client.Exchange read = h2.open("GET", "/v1/streams/s/records", true, "content-type", "s2s/proto",
							"s2-basin", "limit-basin");
					assertThat(read.status.get(10, TimeUnit.SECONDS)).isEqualTo(200);
				}
				assertThatThrownBy(() -> h2.open("GET", "/v1/streams/s/records", true, "content-type", "s2s/proto",
						"s2-basin", "limit-basin"))
					.hasMessageContaining("Maximum active streams violated");
			}
		}
	}

	@Test
	void advisesReconnectOnOpenSessionsWhenClosing() throws Exception {
		S2EmbeddedServer server = S2EmbeddedServer.builder().build().start();
		Http1 http = new Http1(server.baseUrl(), "drain-basin-2");
		http.post("/v1/basins", "{\"basin\":\"drain-basin-2\"}");
		http.post("/v1/streams", "{\"stream\":\"s\"}");
		try (H2Client h2 = new H2Client("127.0.0.1", server.port())) {
			H2Client.Exchange read = h2.open("GET", "/v1/streams/s/records", true, "content-type", "s2s/proto",
					"s2-basin", "drain-basin-2");
			assertThat(ReadBatch.parseFrom(((S2sFrame.Regular) read.nextFrame()).payload()).getRecordsCount()).isZero();
			H2Client.Exchange append = h2.open("POST", "/v1/streams/s/records", false, "content-type", "s2s/proto",
					"s2-basin", "drain-basin-2");
			append.send(S2sFrame.of(AppendInput.newBuilder()
				.addRecords(AppendRecord.newBuilder().setBody(ByteString.copyFromUtf8("x")))
				.build()));
			assertThat(append.nextFrame()).isInstanceOf(S2sFrame.Regular.class);
			ReadBatch live = ReadBatch.parseFrom(((S2sFrame.Regular) read.nextFrame()).payload());
			assertThat(live.getRecordsCount()).isEqualTo(1);
			Thread closer = new Thread(server::close);
			closer.start();
			S2sFrame advised = read.nextFrame();
			assertThat(((S2sFrame.Regular) advised).reconnectAdvised()).isTrue();
			read.ended.get(10, TimeUnit.SECONDS);
			append.send(S2sFrame.of(AppendInput.newBuilder()
				.addRecords(AppendRecord.newBuilder().setBody(ByteString.copyFromUtf8("y")))
				.build()));
			S2sFrame ack = append.nextFrame();
			assertThat(((S2sFrame.Regular) ack).reconnectAdvised()).isTrue();
			append.endInput();
			closer.join();
		}
		server.close();
	}

	static final class TrustAll implements X509TrustManager {

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType) {
		}

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType) {
		}

		@Override
		public X509Certificate[] getAcceptedIssuers() {
			return new X509Certificate[0];
		}

	}

}
