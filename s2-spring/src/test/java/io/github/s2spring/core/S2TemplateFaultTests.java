package io.github.s2spring.core;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.s2spring.client.S2Client;
import io.github.s2spring.client.config.RetryPolicy;
import io.github.s2spring.client.config.S2ClientConfig;
import io.github.s2spring.client.control.model.CreateBasinRequest;
import io.github.s2spring.embedded.S2EmbeddedServer;
import io.github.s2spring.embedded.junit.FaultProxy;
import io.github.s2spring.embedded.junit.S2EmbeddedExtension;
import io.github.s2spring.support.DefaultS2MessageConverter;
import io.github.s2spring.support.S2StartPosition;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The template on real TCP connections with injected faults: overload, a connection reset
 * in the middle of a burst.
 */
@ExtendWith(S2EmbeddedExtension.class)
class S2TemplateFaultTests {

	private static final String BASIN = "fault-basin";

	private FaultProxy proxy;

	private S2Client client;

	@BeforeEach
	void setUp(S2EmbeddedServer server) throws IOException {
		this.proxy = new FaultProxy(server.port());
		this.client = S2Client.create(S2ClientConfig.builder("")
			.endpoints(this.proxy.baseUrl(), this.proxy.baseUrl())
			.requestTimeout(Duration.ofSeconds(2))
			.sessionRetryPolicy(RetryPolicy.unlimited(Duration.ofMillis(50), Duration.ofMillis(500)))
			.build());
		this.client.basins().ensure(CreateBasinRequest.of(BASIN));
	}

	@AfterEach
	void tearDown() throws IOException {
		this.client.close();
		this.proxy.close();
	}

	@Test
	void sendsBeyondTheQueueBoundFailAtOnceAndOtherStreamsGoOn() throws Exception {
		S2AppenderRegistry registry = new S2AppenderRegistry(this.client,
				S2AppenderOptions.defaults().withMaxQueueSize(5));
		S2Template template = new S2Template(this.client, registry, new DefaultS2MessageConverter(), BASIN);
		try {
			template.ensureStream("stalled");
			template.ensureStream("free");
			template.send("stalled", "warm-up").join();
			this.proxy.blackhole();
			List<CompletableFuture<S2SendResult>> accepted = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				accepted.add(template.send("stalled", "pending " + i));
			}
			CompletableFuture<S2SendResult> refused = template.send("stalled", "one too many");
			assertThat(refused).failsWithin(Duration.ofSeconds(1))
				.withThrowableOfType(ExecutionException.class)
				.havingCause()
				.isInstanceOf(S2OverloadedException.class)
				.withMessage("Too many sends wait for stream 'stalled' (max-queue-size 5); nothing was sent");
			assertThat(accepted).noneMatch(CompletableFuture::isDone);
			assertThat(template.send("free", "another stream").get()).extracting(S2SendResult::seqNum).isEqualTo(0L);
			assertThat(accepted).allSatisfy((future) -> assertThat(future).succeedsWithin(Duration.ofSeconds(30)));
			assertThat(template.read("stalled", String.class, S2StartPosition.beginning(), 100))
				.extracting(S2ReceivedMessage::payload)
				.containsExactly("warm-up", "pending 0", "pending 1", "pending 2", "pending 3", "pending 4");
		}
		finally {
			registry.destroy();
		}
	}

	@Test
	void connectionResetInTheMiddleOfABurstLosesAndRepeatsNothing() throws Exception {
		S2Template template = new S2Template(this.client, BASIN);
		try {
			template.ensureStream("burst");
			List<CompletableFuture<S2SendResult>> sent = new ArrayList<>();
			for (int i = 0; i < 2000; i++) {
				if (i == 1000) {
					CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
				}
				sent.add(template.send("burst", "m" + i));
				if (i == 500 || i == 1500) {
					this.proxy.reset();
				}
			}
			assertThat(sent).allSatisfy((future) -> assertThat(future).succeedsWithin(Duration.ofSeconds(60)));
			assertThat(template.read("burst", String.class, S2StartPosition.beginning(), 5000))
				.extracting(S2ReceivedMessage::payload)
				.containsExactlyElementsOf(IntStream.range(0, 2000).mapToObj((i) -> "m" + i).toList());
			assertThat(this.proxy.acceptedConnections()).isGreaterThan(1);
		}
		finally {
			template.destroy();
		}
	}

}
