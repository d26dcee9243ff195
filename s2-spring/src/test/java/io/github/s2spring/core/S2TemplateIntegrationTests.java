package io.github.s2spring.core;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.s2spring.client.S2Client;
import io.github.s2spring.client.config.S2ClientConfig;
import io.github.s2spring.client.control.model.BasinConfig;
import io.github.s2spring.client.control.model.CreateBasinRequest;
import io.github.s2spring.client.data.ReadOptions;
import io.github.s2spring.client.data.SequencedRecord;
import io.github.s2spring.client.error.FencingTokenMismatchException;
import io.github.s2spring.client.error.NotFoundException;
import io.github.s2spring.client.error.SeqNumMismatchException;
import io.github.s2spring.client.error.TransportException;
import io.github.s2spring.client.error.ValidationException;
import io.github.s2spring.embedded.S2EmbeddedServer;
import io.github.s2spring.embedded.junit.S2EmbeddedExtension;
import io.github.s2spring.support.S2StartPosition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The template against an embedded S2 over real sockets: what lands in the stream, in
 * which order and batches, and what each failure looks like.
 */
@ExtendWith(S2EmbeddedExtension.class)
class S2TemplateIntegrationTests {

	private static final String BASIN = "template-basin";

	private S2Client client;

	private S2Template template;

	@BeforeEach
	void setUp(S2EmbeddedServer server) {
		this.client = S2Client.create(S2ClientConfig.builder("").endpoints(server.baseUrl(), server.baseUrl()).build());
		this.client.basins()
			.ensure(CreateBasinRequest.of(BASIN).withConfig(BasinConfig.builder().createStreamOnAppend(false).build()));
		this.template = new S2Template(this.client, BASIN);
	}

	@AfterEach
	void tearDown() {
		this.template.destroy();
		this.client.close();
	}

	@Test
	void sendsJsonMessagesInOrderWithContentTypeAndHeaders() {
		this.template.ensureStream("orders");
		S2SendResult first = this.template.send("orders", new Order("o-1", 42), Map.of("tenant", "acme")).join();
		S2SendResult second = this.template.send("orders", new Order("o-2", 7)).join();
		assertThat(first)
			.extracting(S2SendResult::basin, S2SendResult::stream, S2SendResult::seqNum, S2SendResult::lastSeqNum)
			.containsExactly(BASIN, "orders", 0L, 0L);
		assertThat(second.seqNum()).isEqualTo(1);
		assertThat(second.tail().seqNum()).isEqualTo(2);
		List<S2ReceivedMessage<Order>> read = this.template.read("orders", Order.class, S2StartPosition.beginning(),
				10);
		assertThat(read).extracting(S2ReceivedMessage::payload)
			.containsExactly(new Order("o-1", 42), new Order("o-2", 7));
		assertThat(read.get(0).metadata().headers()).containsExactly(Map.entry("tenant", "acme"),
				Map.entry("content-type", "application/json"));
		SequencedRecord record = this.client.basin(BASIN)
			.stream("orders")
			.read(ReadOptions.fromSeqNum(0))
			.records()
			.get(0);
		assertThat(record.bodyAsString()).isEqualTo("{\"id\":\"o-1\",\"amount\":42}");
	}

	@Test
	void oneHundredMebibyteMessageArrivesWhole() {
		this.template.ensureStream("big");
		byte[] payload = new byte[100 * 1024 * 1024];
		for (int i = 0; i < payload.length; i++) {
			payload[i] = (byte) (i * 31);
		}
		S2SendResult result = this.template.send("big", payload).orTimeout(120, TimeUnit.SECONDS).join();
		assertThat(result.records()).isEqualTo(101);
		List<S2ReceivedMessage<byte[]>> read = this.template.read("big", byte[].class, S2StartPosition.beginning(), 1);
		assertThat(read).singleElement().satisfies((message) -> {
			assertThat(message.payload()).isEqualTo(payload);
			assertThat(message.metadata().lastSeqNum()).isEqualTo(100);
		});
	}

	@Test
	void messagesSentWhileABatchIsInFlightShareBatches() {
		this.template.ensureStream("burst");
		List<CompletableFuture<S2SendResult>> sent = new ArrayList<>();
		for (int i = 0; i < 500; i++) {
			sent.add(this.template.send("burst", "message " + i));
		}
		CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
		assertThat(sent.stream().map(CompletableFuture::join).map(S2SendResult::seqNum))
			.containsExactlyElementsOf(() -> java.util.stream.LongStream.range(0, 500).boxed().iterator());
		long distinctTails = sent.stream().map((future) -> future.join().tail().seqNum()).distinct().count();
		assertThat(distinctTails).as("acknowledged batches").isLessThan(500);
		assertThat(this.template.read("burst", String.class, S2StartPosition.beginning(), 1000))
			.extracting(S2ReceivedMessage::payload)
			.containsExactlyElementsOf(
					java.util.stream.IntStream.range(0, 500).mapToObj((i) -> "message " + i).toList());
	}

	@Test
	void atomicBatchIsContiguousOrRefusedBeforeSending() {
		this.template.ensureStream("atomic");
		this.template.send("atomic", "first").join();
		S2SendResult batch = this.template.sendBatch("atomic", List.of("a", "b", "c")).join();
		assertThat(batch.seqNum()).isEqualTo(1);
		assertThat(batch.lastSeqNum()).isEqualTo(3);
		List<String> tooMany = java.util.Collections.nCopies(1001, "x");
		assertThatExceptionOfType(java.util.concurrent.CompletionException.class)
			.isThrownBy(() -> this.template.sendBatch("atomic", tooMany).join())
			.havingCause()
			.isInstanceOf(ValidationException.class)
			.withMessageContaining("must fit in one S2 batch");
		assertThat(this.client.basin(BASIN).stream("atomic").checkTail().seqNum()).isEqualTo(4);
	}

	@Test
	void matchSeqNumAndFencingTokenAreEnforced() {
		this.template.ensureStream("guarded");
		this.template.newMessage("zero").toStream("guarded").matchSeqNum(0).send().join();
		assertThatExceptionOfType(java.util.concurrent.CompletionException.class)
			.isThrownBy(() -> this.template.newMessage("again").toStream("guarded").matchSeqNum(0).send().join())
			.withCauseInstanceOf(SeqNumMismatchException.class);
		this.client.basin(BASIN).stream("guarded").fence("writer-1", null);
		this.template.newMessage("fenced").toStream("guarded").fencingToken("writer-1").send().join();
		assertThatExceptionOfType(java.util.concurrent.CompletionException.class).isThrownBy(
				() -> this.template.newMessage("intruder").toStream("guarded").fencingToken("writer-2").send().join())
			.withCauseInstanceOf(FencingTokenMismatchException.class);
		this.template.newMessage("after").toStream("guarded").fencingToken("writer-1").send().join();
		assertThat(this.template.read("guarded", String.class, S2StartPosition.beginning(), 10))
			.extracting(S2ReceivedMessage::payload)
			.containsExactly("zero", "fenced", "after");
	}

	@Test
	void missingStreamFailsWithNotFoundAndTheNextSendTriesAgain() {
		assertThatExceptionOfType(java.util.concurrent.CompletionException.class)
			.isThrownBy(() -> this.template.send("missing", "x").join())
			.withCauseInstanceOf(NotFoundException.class);
		this.template.createStream("missing");
		assertThat(this.template.send("missing", "y").join().seqNum()).isZero();
	}

	@Test
	void permanentFailureOfOneStreamLeavesAnotherGoing() {
		this.template.ensureStream("doomed");
		this.template.ensureStream("healthy");
		this.template.send("doomed", "a").join();
		this.template.deleteStream("doomed");
		List<CompletableFuture<S2SendResult>> doomed = new ArrayList<>();
		List<CompletableFuture<S2SendResult>> healthy = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			doomed.add(this.template.send("doomed", "d" + i));
			healthy.add(this.template.send("healthy", "h" + i));
		}
		for (CompletableFuture<S2SendResult> future : doomed) {
			assertThat(future).failsWithin(Duration.ofSeconds(20))
				.withThrowableOfType(java.util.concurrent.ExecutionException.class)
				.havingCause()
				.isInstanceOfAny(NotFoundException.class, io.github.s2spring.client.error.ConflictException.class)
				.satisfies((cause) -> assertThat(((io.github.s2spring.client.error.S2Exception) cause).retryable())
					.isFalse());
		}
		assertThat(healthy).allSatisfy((future) -> assertThat(future).succeedsWithin(Duration.ofSeconds(20)));
		assertThat(this.template.read("healthy", String.class, S2StartPosition.beginning(), 100)).hasSize(20);
	}

	@Test
	void createsMissingStreamsWhenAskedTo() {
		S2Template creating = new S2Template(this.client,
				new S2AppenderRegistry(this.client, S2AppenderOptions.defaults().withCreateStreams(true)),
				new io.github.s2spring.support.DefaultS2MessageConverter(), BASIN);
		try {
			List<CompletableFuture<S2SendResult>> sent = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				sent.add(creating.send("created/on-send", i));
			}
			assertThat(sent.stream().map((future) -> future.join().seqNum())).containsExactly(0L, 1L, 2L, 3L, 4L, 5L,
					6L, 7L, 8L, 9L);
		}
		finally {
			creating.getAppenderRegistry().destroy();
		}
	}

	@Test
	void idleAppendersCloseAndReopen() {
		S2AppenderRegistry registry = new S2AppenderRegistry(this.client,
				S2AppenderOptions.defaults().withIdleTimeout(Duration.ofMillis(200)));
		S2Template idle = new S2Template(this.client, registry,
				new io.github.s2spring.support.DefaultS2MessageConverter(), BASIN);
		try {
			idle.ensureStream("idle");
			idle.send("idle", "one").join();
			assertThat(registry.appenders()).singleElement()
				.satisfies((state) -> assertThat(state.stream()).isEqualTo("idle"));
			await().atMost(Duration.ofSeconds(5)).until(() -> registry.appenders().isEmpty());
			await().atMost(Duration.ofSeconds(5)).until(() -> this.client.stats().openSessions() == 0);
			assertThat(idle.send("idle", "two").join().seqNum()).isEqualTo(1);
		}
		finally {
			registry.destroy();
		}
	}

	@Test
	void stopFlushesPendingSendsThenRefusesNewOnes() {
		this.template.ensureStream("stopping");
		List<CompletableFuture<S2SendResult>> sent = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			sent.add(this.template.send("stopping", "m" + i));
		}
		this.template.getAppenderRegistry().stop();
		assertThat(sent).allSatisfy((future) -> assertThat(future).isCompleted().isNotCompletedExceptionally());
		assertThatExceptionOfType(java.util.concurrent.CompletionException.class)
			.isThrownBy(() -> this.template.send("stopping", "late").join())
			.withCauseInstanceOf(TransportException.class)
			.withMessageContaining("closed");
		assertThat(this.client.basin(BASIN).stream("stopping").checkTail().seqNum()).isEqualTo(200);
	}

	@Test
	void flushWaitsForEverythingSentBefore() {
		this.template.ensureStream("flushed");
		List<CompletableFuture<S2SendResult>> sent = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			sent.add(this.template.send("flushed", i));
		}
		this.template.flush().join();
		assertThat(sent).allSatisfy((future) -> assertThat(future).isCompleted());
		this.template.flush("flushed").join();
		this.template.flush("never-sent-to").join();
	}

	@Test
	void reservedHeaderNamesAreRefusedWithoutSending() {
		this.template.ensureStream("headers");
		assertThatExceptionOfType(java.util.concurrent.CompletionException.class)
			.isThrownBy(() -> this.template.send("headers", "x", Map.of("_writer_id", "mine")).join())
			.withCauseInstanceOf(IllegalArgumentException.class)
			.withMessageContaining("reserved");
		assertThat(this.client.basin(BASIN).stream("headers").checkTail().seqNum()).isZero();
	}

	@Test
	void otherBasinsShareTheAppenders() {
		this.client.basins().ensure(CreateBasinRequest.of("template-basin-2"));
		S2Operations other = this.template.inBasin("template-basin-2");
		other.ensureStream("s");
		other.send("s", "elsewhere").join();
		assertThat(other.getBasin()).isEqualTo("template-basin-2");
		assertThat(this.template.getAppenderRegistry().appenders()).extracting(S2AppenderState::basin)
			.containsExactly("template-basin-2");
		assertThat(other.read("s", String.class, S2StartPosition.beginning(), 1)).extracting(S2ReceivedMessage::payload)
			.containsExactly("elsewhere");
	}

	@Test
	void noDefaultBasinFailsSendsClearly() {
		S2Template noBasin = new S2Template(this.client, null);
		assertThatExceptionOfType(java.util.concurrent.CompletionException.class)
			.isThrownBy(() -> noBasin.send("s", "x").join())
			.withMessageContaining("set s2.basin");
		assertThat(new String("x".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo("x");
		noBasin.destroy();
	}

	record Order(String id, int amount) {
	}

}
