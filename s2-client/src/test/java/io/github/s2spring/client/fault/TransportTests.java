package io.github.s2spring.client.fault;

import java.io.IOException;
import java.time.Duration;

import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import org.junit.jupiter.api.Test;

import io.github.s2spring.client.S2Client;
import io.github.s2spring.client.TestServers;
import io.github.s2spring.client.config.RetryPolicy;
import io.github.s2spring.client.config.S2ClientConfig;
import io.github.s2spring.client.control.model.BasinInfo;
import io.github.s2spring.client.config.S2Endpoints;
import io.github.s2spring.client.data.AppendAck;
import io.github.s2spring.client.data.AppendBatch;
import io.github.s2spring.client.data.AppendRecord;
import io.github.s2spring.client.data.AppendSession;
import io.github.s2spring.client.data.ReadOptions;
import io.github.s2spring.client.data.ReadSession;
import io.github.s2spring.client.data.RecordReader;
import io.github.s2spring.client.data.S2Stream;
import io.github.s2spring.client.error.TransportException;
import io.github.s2spring.embedded.S2EmbeddedServer;
import io.github.s2spring.embedded.TlsOptions;
import io.github.s2spring.embedded.config.BasinSpec;
import io.github.s2spring.embedded.config.StreamSpec;
import io.github.s2spring.embedded.junit.FaultProxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The transport itself: TLS with ALPN, keep-alive PINGs, connection sharing.
 */
class TransportTests {

	@Test
	void httpsUsesTlsWithAlpnH2AndVerifiesTheServer() {
		try (S2EmbeddedServer server = S2EmbeddedServer.builder()
			.port(0)
			.tls(TlsOptions.selfSigned())
			.build()
			.start()) {
			server.store().createBasin(TestServers.BASIN, new BasinSpec(StreamSpec.EMPTY, null, true, true), null);
			assertThat(server.baseUrl()).startsWith("https://");
			S2ClientConfig.Builder config = S2ClientConfig.builder("t")
				.endpoints(S2Endpoints.single(server.baseUrl()))
				.retryPolicy(RetryPolicy.NONE);
			try (S2Client trusting = S2Client
				.create(config.trustManagerFactory(InsecureTrustManagerFactory.INSTANCE).build())) {
				S2Stream stream = trusting.basin(TestServers.BASIN).stream("tls");
				stream.append(AppendBatch.of(AppendRecord.of("secret")));
				assertThat(stream.read(ReadOptions.fromSeqNum(0)).records()).hasSize(1);
				assertThat(stream.readSession(ReadOptions.fromSeqNum(0).withCount(1)).records().next().bodyAsString())
					.isEqualTo("secret");
				assertThat(trusting.basins().list()).extracting(BasinInfo::name).containsExactly(TestServers.BASIN);
			}
			try (S2Client verifying = S2Client.create(S2ClientConfig.builder("t")
				.endpoints(S2Endpoints.single(server.baseUrl()))
				.retryPolicy(RetryPolicy.NONE)
				.build())) {
				assertThatExceptionOfType(TransportException.class)
					.isThrownBy(() -> verifying.basin(TestServers.BASIN).stream("tls").checkTail())
					.satisfies((ex) -> assertThat(ex.code()).isEqualTo(TransportException.CONNECT_FAILED));
			}
		}
	}

	@Test
	void anUnansweredKeepAlivePingClosesTheConnection() throws IOException {
		try (S2EmbeddedServer server = TestServers.start();
				FaultProxy proxy = new FaultProxy(server.port());
				S2Client client = S2Client.create(TestServers.config(proxy.baseUrl())
					.keepAliveInterval(Duration.ofMillis(200))
					.requestTimeout(Duration.ofSeconds(2))
					.build())) {
			S2Stream stream = client.basin(TestServers.BASIN).stream("keepalive");
			assertThat(stream.checkTail().seqNum()).isZero();
			stream.append(AppendBatch.of(AppendRecord.of("x")).withMatchSeqNum(0));
			await().pollDelay(Duration.ofMillis(600))
				.atMost(Duration.ofSeconds(10))
				.until(() -> client.connectionCount() == 1);
			proxy.blackhole();
			await().atMost(Duration.ofSeconds(20)).until(() -> client.connectionCount() == 0);
			assertThat(stream.checkTail().seqNum()).isEqualTo(1);
		}
	}

	@Test
	void hundredsOfSessionsShareAFewConnections() {
		try (S2EmbeddedServer server = TestServers.start();
				S2Client client = S2Client.create(TestServers.config(server.baseUrl()).build())) {
			S2Stream writer = client.basin(TestServers.BASIN).stream("fan-out");
			writer.append(AppendBatch.of(AppendRecord.of("hello")));
			var readers = new java.util.ArrayList<io.github.s2spring.client.data.RecordReader>();
			var sessions = new java.util.ArrayList<io.github.s2spring.client.data.ReadSession>();
			for (int i = 0; i < 250; i++) {
				var session = writer.readSession(ReadOptions.fromSeqNum(0));
				sessions.add(session);
				readers.add(session.batches());
			}
			for (var reader : readers) {
				assertThat(reader.next(Duration.ofSeconds(30)).records()).hasSize(1);
			}
			assertThat(client.connectionCount()).isEqualTo(1);
			assertThat(server.openConnections()).isEqualTo(1);
			sessions.forEach(io.github.s2spring.client.data.ReadSession::close);
		}
	}

	@Test
	void aThousandStreamsOpenReadAndAppendSessionsBackToBackThroughOneClient() {
		int streams = 1000;
		try (S2EmbeddedServer server = TestServers.start();
				S2Client client = S2Client.create(TestServers.config(server.baseUrl()).build())) {
			var readers = new java.util.ArrayList<io.github.s2spring.client.data.ReadSession>();
			var appenders = new java.util.ArrayList<io.github.s2spring.client.data.AppendSession>();
			var acks = new java.util.ArrayList<java.util.concurrent.CompletableFuture<io.github.s2spring.client.data.AppendAck>>();
			for (int i = 0; i < streams; i++) {
				S2Stream stream = client.basin(TestServers.BASIN).stream("scale-" + i);
				readers.add(stream.readSession(ReadOptions.fromSeqNum(0)));
				var appender = stream.appendSession();
				appenders.add(appender);
				acks.add(appender.appendAsync(AppendBatch.of(AppendRecord.of("r" + i))));
			}
			for (int i = 0; i < streams; i++) {
				assertThat(acks.get(i).join().start().seqNum()).isZero();
				var reader = readers.get(i).batches();
				var batch = reader.next(Duration.ofSeconds(60));
				while (batch != null && batch.isEmpty()) {
					batch = reader.next(Duration.ofSeconds(60));
				}
				assertThat(batch).isNotNull();
				assertThat(batch.records()).hasSize(1);
				assertThat(batch.records().get(0).bodyAsString()).isEqualTo("r" + i);
			}
			assertThat(client.connectionCount()).isEqualTo(1);
			assertThat(server.openConnections()).isEqualTo(1);
			appenders.forEach(io.github.s2spring.client.data.AppendSession::close);
			readers.forEach(io.github.s2spring.client.data.ReadSession::close);
		}
	}

	@Test
	void manyStreamsShareFewConnections() {
		try (S2EmbeddedServer server = TestServers.start();
				S2Client client = S2Client
					.create(TestServers.config(server.baseUrl()).maxStreamsPerConnection(4).build())) {
			var sessions = new java.util.ArrayList<io.github.s2spring.client.data.ReadSession>();
			for (int i = 0; i < 10; i++) {
				S2Stream stream = client.basin(TestServers.BASIN).stream("shared-" + i);
				stream.append(AppendBatch.of(AppendRecord.of("x")));
				var session = stream.readSession(ReadOptions.fromSeqNum(0));
				assertThat(session.batches().next(Duration.ofSeconds(20))).isNotNull();
				sessions.add(session);
			}
			assertThat(client.connectionCount()).isEqualTo(3);
			sessions.forEach(io.github.s2spring.client.data.ReadSession::close);
		}
	}

}
