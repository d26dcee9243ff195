package io.github.s2spring.listener;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.github.s2spring.client.control.model.BasinConfig;
import io.github.s2spring.client.control.model.CreateBasinRequest;
import io.github.s2spring.client.data.AppendBatch;
import io.github.s2spring.client.data.AppendRecord;
import io.github.s2spring.config.DefaultS2ListenerContainerFactory;
import io.github.s2spring.config.SimpleS2ListenerEndpoint;
import io.github.s2spring.embedded.S2EmbeddedServer;
import io.github.s2spring.support.S2StartPosition;
import io.github.s2spring.testsupport.TestS2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 10,000 streams under one prefix listener: every stream is read, each message once and
 * in order, on a few connections and a bounded number of threads (about 12 s here, so it
 * runs with every build; the numbers are printed).
 */
class ManyStreamsIntegrationTests {

	@Test
	void tenThousandStreamsUnderOnePrefixListener() {
		run(10_000);
	}

	private void run(int streams) {
		try (S2EmbeddedServer server = S2EmbeddedServer.builder().port(0).build().start();
				TestS2 s2 = new TestS2(server.baseUrl())) {
			String basin = "fleet-" + streams;
			s2.client()
				.basins()
				.create(CreateBasinRequest.of(basin)
					.withConfig(BasinConfig.builder().createStreamOnAppend(true).build()));
			long appendStarted = System.nanoTime();
			appendToEach(s2, basin, streams, "first");
			long appendMillis = millisSince(appendStarted);
			int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
			Map<String, List<String>> received = new ConcurrentHashMap<>();
			AtomicInteger count = new AtomicInteger();
			DefaultS2ListenerContainerFactory factory = new DefaultS2ListenerContainerFactory(s2.client());
			factory.setDefaultBasin(basin);
			SimpleS2ListenerEndpoint endpoint = new SimpleS2ListenerEndpoint((messages, ack) -> {
				for (var message : messages) {
					received.computeIfAbsent(message.metadata().stream(), (stream) -> new CopyOnWriteArrayList<>())
						.add(new String(message.payload()));
					count.incrementAndGet();
				}
			});
			endpoint.setId("fleet");
			endpoint.setStreamPrefix("fleet/");
			endpoint.setStartPosition(S2StartPosition.beginning());
			S2ListenerContainer container = factory.createListenerContainer(endpoint);
			long started = System.nanoTime();
			container.start();
			try {
				await().atMost(Duration.ofMinutes(3)).until(() -> count.get() >= streams);
				long catchUpMillis = millisSince(started);
				long liveStarted = System.nanoTime();
				appendToEach(s2, basin, streams, "second");
				await().atMost(Duration.ofMinutes(3)).until(() -> count.get() >= 2 * streams);
				long liveMillis = millisSince(liveStarted);
				assertThat(received).hasSize(streams);
				assertThat(received.values())
					.allSatisfy((messages) -> assertThat(messages).containsExactly("first", "second"));
				assertThat(container.getState().streams()).hasSize(streams);
				int threads = ManagementFactory.getThreadMXBean().getThreadCount();
				System.gc();
				long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
				System.out.printf("%,d streams under one prefix listener: appended in %,d ms; caught up in %,d ms; "
						+ "live round in %,d ms; client connections %d, server connections %d; threads %d (%d before "
						+ "the listener started); heap used %,d MiB (client, listener and embedded server)%n", streams,
						appendMillis, catchUpMillis, liveMillis, s2.client().connectionCount(),
						server.openConnections(), threads, threadsBefore, heap / (1024 * 1024));
				assertThat(threads - threadsBefore).isLessThan(20);
			}
			finally {
				container.stop();
				factory.destroy();
			}
		}
	}

	private static void appendToEach(TestS2 s2, String basin, int streams, String body) {
		Semaphore inFlight = new Semaphore(256);
		List<CompletableFuture<?>> appends = new ArrayList<>(streams);
		for (int i = 0; i < streams; i++) {
			inFlight.acquireUninterruptibly();
			appends.add(s2.client()
				.basin(basin)
				.stream("fleet/" + i)
				.appendAsync(AppendBatch.of(AppendRecord.of(body)))
				.whenComplete((ack, failure) -> inFlight.release()));
		}
		CompletableFuture.allOf(appends.toArray(CompletableFuture[]::new)).join();
	}

	private static long millisSince(long nanos) {
		return (System.nanoTime() - nanos) / 1_000_000;
	}

}
