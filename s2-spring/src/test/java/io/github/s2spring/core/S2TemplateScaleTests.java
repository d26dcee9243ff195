package io.github.s2spring.core;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.s2spring.client.S2Client;
import io.github.s2spring.client.config.S2ClientConfig;
import io.github.s2spring.client.control.model.BasinConfig;
import io.github.s2spring.client.control.model.CreateBasinRequest;
import io.github.s2spring.embedded.S2EmbeddedServer;
import io.github.s2spring.embedded.junit.S2EmbeddedExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 10,000 streams with an active appender each, through one template: a few connections, a
 * few threads, and a bounded heap. The numbers are printed.
 */
@ExtendWith(S2EmbeddedExtension.class)
class S2TemplateScaleTests {

	private static final int STREAMS = 10_000;

	@Test
	void tenThousandStreamsShareAFewConnectionsAndNoThreadEach(S2EmbeddedServer server) {
		try (S2Client client = S2Client
			.create(S2ClientConfig.builder("").endpoints(server.baseUrl(), server.baseUrl()).build())) {
			client.basins()
				.ensure(CreateBasinRequest.of("scale-basin")
					.withConfig(BasinConfig.builder().createStreamOnAppend(true).build()));
			S2Template template = new S2Template(client, "scale-basin");
			try {
				MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
				System.gc();
				long heapBefore = memory.getHeapMemoryUsage().getUsed();
				int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
				long start = System.nanoTime();
				List<CompletableFuture<S2SendResult>> sent = new ArrayList<>(STREAMS);
				for (int i = 0; i < STREAMS; i++) {
					sent.add(template.send("scale/" + i, "hello " + i));
				}
				CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).orTimeout(120, TimeUnit.SECONDS).join();
				long millis = (System.nanoTime() - start) / 1_000_000;
				System.gc();
				long heapAfter = memory.getHeapMemoryUsage().getUsed();
				int threads = ManagementFactory.getThreadMXBean().getThreadCount();
				int connections = client.stats().connectionCount();
				int sessions = client.stats().openSessions();
				System.out.printf(
						"S2Template, %d streams with an appender each: %d ms, %d TCP connections, %d sessions, "
								+ "%d threads (%d before), heap +%d MiB%n",
						STREAMS, millis, connections, sessions, threads, threadsBefore,
						(heapAfter - heapBefore) / (1024 * 1024));
				assertThat(sent).allSatisfy((future) -> assertThat(future.join().seqNum()).isZero());
				assertThat(template.getAppenderRegistry().appenders()).hasSize(STREAMS);
				assertThat(sessions).isEqualTo(STREAMS);
				assertThat(connections).isBetween(1, 8);
				assertThat(threads - threadsBefore).isLessThan(32);
			}
			finally {
				template.destroy();
			}
		}
	}

}
