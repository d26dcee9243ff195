package io.github.s2spring.listener;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ApplicationEvent;

import io.github.s2spring.config.DefaultS2ListenerContainerFactory;
import io.github.s2spring.config.SimpleS2ListenerEndpoint;
import io.github.s2spring.core.S2Subscription;
import io.github.s2spring.embedded.S2EmbeddedMain;
import io.github.s2spring.embedded.S2EmbeddedServer;
import io.github.s2spring.embedded.junit.FaultProxy;
import io.github.s2spring.support.S2StartPosition;
import io.github.s2spring.testsupport.TestS2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each message reaches a listener once and in order whatever happens to the connection or
 * the server: connections reset mid-stream, a server that restarts gracefully, a server
 * process killed with SIGKILL and started again on its data directory.
 */
class ListenerResilienceIntegrationTests {

	private final List<AutoCloseable> resources = new ArrayList<>();

	@AfterEach
	void close() throws Exception {
		for (int i = this.resources.size() - 1; i >= 0; i--) {
			this.resources.get(i).close();
		}
	}

	@Test
	void deliversEachMessageOnceInOrderAcrossConnectionResets() throws Exception {
		S2EmbeddedServer server = track(S2EmbeddedServer.builder().port(0).build().start());
		FaultProxy proxy = track(new FaultProxy(server.port()));
		TestS2 writerSide = track(new TestS2(server.baseUrl()));
		TestS2 listenerSide = track(new TestS2(proxy.baseUrl()));
		String basin = writerSide.createBasin();
		writerSide.createStream(basin, "resets");
		List<String> received = new CopyOnWriteArrayList<>();
		listen(listenerSide, basin, "resets", received);
		Thread writer = new Thread(() -> {
			try (TestS2.Writer messages = writerSide.duplicatingWriter(basin, "resets")) {
				for (int i = 0; i < 600; i++) {
					messages.send("m" + i);
				}
			}
		});
		writer.start();
		for (int reset = 0; reset < 6; reset++) {
			Thread.sleep(150);
			proxy.reset();
		}
		writer.join(30_000);
		await().atMost(Duration.ofSeconds(60)).until(() -> received.size() >= 600);
		assertThat(received).containsExactlyElementsOf(expected(0, 600));
		assertThat(proxy.acceptedConnections()).isGreaterThan(1);
	}

	@Test
	void resumesWhenTheConnectionGoesSilent() throws Exception {
		S2EmbeddedServer server = track(S2EmbeddedServer.builder().port(0).build().start());
		FaultProxy proxy = track(new FaultProxy(server.port()));
		TestS2 writerSide = track(new TestS2(server.baseUrl()));
		TestS2 listenerSide = track(new TestS2(proxy.baseUrl(), Duration.ofSeconds(2)));
		String basin = writerSide.createBasin();
		writerSide.createStream(basin, "silent");
		List<String> received = new CopyOnWriteArrayList<>();
		listen(listenerSide, basin, "silent", received);
		append(writerSide, basin, "silent", 0, 10);
		await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 10);
		proxy.blackhole();
		append(writerSide, basin, "silent", 10, 20);
		await().atMost(Duration.ofSeconds(30)).until(() -> received.size() >= 20);
		assertThat(received).containsExactlyElementsOf(expected(0, 20));
		assertThat(proxy.acceptedConnections()).isGreaterThan(1);
	}

	@Test
	void resumesAfterAGracefulServerRestart(@TempDir Path dataDir) throws Exception {
		int port = freePort();
		S2EmbeddedServer server = S2EmbeddedServer.builder().port(port).dataDir(dataDir).build().start();
		TestS2 s2 = track(new TestS2(server.baseUrl()));
		String basin = s2.createBasin();
		s2.createStream(basin, "restarts");
		List<String> received = new CopyOnWriteArrayList<>();
		List<ApplicationEvent> events = new CopyOnWriteArrayList<>();
		S2ListenerContainer container = container(s2, basin, "restarts", received, events);
		append(s2, basin, "restarts", 0, 50);
		await().atMost(Duration.ofSeconds(20)).until(() -> received.size() >= 50);
		server.close();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> container.getState().streams().get(0).phase() == S2StreamState.Phase.RECONNECTING);
		server = track(S2EmbeddedServer.builder().port(port).dataDir(dataDir).build().start());
		append(s2, basin, "restarts", 50, 100);
		await().atMost(Duration.ofSeconds(60)).until(() -> received.size() >= 100);
		assertThat(received).containsExactlyElementsOf(expected(0, 100));
		S2StreamState state = container.getState().streams().get(0);
		assertThat(state.reconnects()).isPositive();
		assertThat(state.phase()).isEqualTo(S2StreamState.Phase.CONNECTED);
		assertThat(events).filteredOn(S2ListenerReconnectingEvent.class::isInstance).first().satisfies((event) -> {
			S2ListenerReconnectingEvent reconnecting = (S2ListenerReconnectingEvent) event;
			assertThat(reconnecting.getAttempt()).isPositive();
			assertThat(reconnecting.getStream()).isEqualTo("restarts");
			assertThat(reconnecting.getBasin()).isEqualTo(basin);
			assertThat(reconnecting.getDelay().isNegative()).isFalse();
			assertThat(reconnecting.getCause()).isNotNull();
			assertThat(reconnecting.toString()).contains("attempt=" + reconnecting.getAttempt());
		});
	}

	@Test
	void resumesAfterTheServerProcessIsKilled(@TempDir Path dataDir) throws Exception {
		int port = freePort();
		Process process = startServerProcess(port, dataDir);
		try {
			TestS2 s2 = track(new TestS2("http://127.0.0.1:" + port));
			String basin = s2.createBasin();
			s2.createStream(basin, "killed");
			List<String> received = new CopyOnWriteArrayList<>();
			listen(s2, basin, "killed", received);
			append(s2, basin, "killed", 0, 40);
			await().atMost(Duration.ofSeconds(20)).until(() -> received.size() >= 40);
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			process = startServerProcess(port, dataDir);
			append(s2, basin, "killed", 40, 80);
			await().atMost(Duration.ofSeconds(60)).until(() -> received.size() >= 80);
			assertThat(received).containsExactlyElementsOf(expected(0, 80));
		}
		finally {
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

	private void listen(TestS2 s2, String basin, String stream, List<String> received) {
		DefaultS2ListenerContainerFactory factory = new DefaultS2ListenerContainerFactory(s2.client());
		this.resources.add(factory::destroy);
		S2Subscription subscription = factory.listen(basin, stream, String.class, S2StartPosition.beginning(),
				(text, metadata) -> received.add(text));
		this.resources.add(subscription);
	}

	private S2ListenerContainer container(TestS2 s2, String basin, String stream, List<String> received,
			List<ApplicationEvent> events) {
		DefaultS2ListenerContainerFactory factory = new DefaultS2ListenerContainerFactory(s2.client());
		this.resources.add(factory::destroy);
		factory.setDefaultBasin(basin);
		SimpleS2ListenerEndpoint endpoint = new SimpleS2ListenerEndpoint(
				(messages, ack) -> messages.forEach((message) -> received.add(new String(message.payload()))));
		endpoint.setId("resilient");
		endpoint.setStreams(List.of(stream));
		endpoint.setStartPosition(S2StartPosition.beginning());
		S2ListenerContainer container = factory.createListenerContainer(endpoint);
		container.setApplicationEventPublisher((event) -> events.add((ApplicationEvent) event));
		container.start();
		this.resources.add(container::stop);
		return container;
	}

	private static void append(TestS2 s2, String basin, String stream, int from, int to) {
		for (int i = from; i < to; i++) {
			s2.appendRaw(basin, stream, "m" + i, Map.of());
		}
	}

	private static List<String> expected(int from, int to) {
		return IntStream.range(from, to).mapToObj((i) -> "m" + i).toList();
	}

	private <T extends AutoCloseable> T track(T resource) {
		this.resources.add(resource);
		return resource;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private static Process startServerProcess(int port, Path dataDir) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				S2EmbeddedMain.class.getName(), "--port", Integer.toString(port), "--data-dir", dataDir.toString())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.PIPE)
			.start();
		BufferedReader output = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		String line;
		while ((line = output.readLine()) != null) {
			if (line.contains("listening on")) {
				Thread drain = new Thread(() -> output.lines().forEach((ignored) -> {
				}));
				drain.setDaemon(true);
				drain.start();
				return process;
			}
		}
		throw new IllegalStateException("The server process ended before listening" + File.separator);
	}

}
