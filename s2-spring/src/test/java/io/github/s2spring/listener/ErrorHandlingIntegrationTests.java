package io.github.s2spring.listener;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import org.springframework.util.backoff.FixedBackOff;

import io.github.s2spring.client.data.SequencedRecord;
import io.github.s2spring.core.S2Subscription;
import io.github.s2spring.support.S2ConversionException;
import io.github.s2spring.support.S2Headers;
import io.github.s2spring.support.S2StartPosition;
import io.github.s2spring.testsupport.TestS2;
import io.github.s2spring.core.S2Template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What happens to messages a listener fails on: retried with back-off, then published
 * with their error to the dead-letter stream, or the container stops; messages that
 * cannot be converted go to the dead-letter stream at once with the reason.
 */
class ErrorHandlingIntegrationTests extends ListenerTestSupport {

	private final InMemoryS2PositionStore positions = new InMemoryS2PositionStore();

	private S2Template template;

	@org.junit.jupiter.api.BeforeEach
	void template() {
		this.template = new S2Template(this.s2.client(), this.basin);
	}

	@org.junit.jupiter.api.AfterEach
	void closeTemplate() {
		this.template.destroy();
	}

	record Note(int n, String text) {
	}

	@Test
	void retriesAFailingMessageThenPublishesItToTheDeadLetterStreamAndMovesOn() {
		this.s2.createStream(this.basin, "orders");
		this.factory.setErrorHandler(
				new DefaultS2ErrorHandler(new FixedBackOff(50, 2), new DeadLetterStreamRecoverer(this.template)));
		List<String> attempts = new CopyOnWriteArrayList<>();
		S2ListenerContainer container = start("orders", (messages, ack) -> {
			String text = new String(messages.get(0).payload());
			attempts.add(text);
			if (text.equals("poison")) {
				throw new IllegalStateException("cannot process poison");
			}
		});
		this.s2.appendRaw(this.basin, "orders", "a", Map.of("trace", "t-a"));
		this.s2.appendRaw(this.basin, "orders", "poison", Map.of("trace", "t-p"));
		this.s2.appendRaw(this.basin, "orders", "b", Map.of());
		await().atMost(Duration.ofSeconds(10)).until(() -> attempts.contains("b"));
		assertThat(attempts).containsExactly("a", "poison", "poison", "poison", "b");
		List<SequencedRecord> dead = this.s2.read(this.basin, "orders.dlt");
		assertThat(dead).hasSize(1);
		assertThat(dead.get(0).bodyAsString()).isEqualTo("poison");
		assertThat(TestS2.headers(dead.get(0))).containsEntry("trace", "t-p")
			.containsEntry(S2Headers.DLT_EXCEPTION_CLASS, IllegalStateException.class.getName())
			.containsEntry(S2Headers.DLT_EXCEPTION_MESSAGE, "cannot process poison")
			.containsEntry(S2Headers.DLT_ORIGINAL_STREAM, "orders")
			.containsEntry(S2Headers.DLT_ORIGINAL_SEQ_NUM, "1")
			.containsEntry(S2Headers.DLT_LISTENER_ID, "errors-orders");
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.positions.load("errors-orders", this.basin, "orders").orElse(-1) == 3);
		S2StreamState state = container.getState().streams().get(0);
		assertThat(state.errors()).isEqualTo(3);
		assertThat(state.recovered()).isEqualTo(1);
		assertThat(state.messagesDelivered()).isEqualTo(2);
	}

	@Test
	void sendsAMessageThatCannotBeConvertedToTheDeadLetterStreamAtOnceWithTheReason() {
		this.s2.createStream(this.basin, "notes");
		this.factory.setErrorHandler(
				new DefaultS2ErrorHandler(new FixedBackOff(50, 5), new DeadLetterStreamRecoverer(this.template)));
		List<Note> received = new CopyOnWriteArrayList<>();
		this.factory.setPositionStore(this.positions);
		S2Subscription subscription = this.factory.listen(this.basin, "notes", Note.class, S2StartPosition.beginning(),
				(note, metadata) -> received.add(note));
		try {
			this.s2.appendRaw(this.basin, "notes", "{\"n\":1,\"text\":\"one\"}", Map.of());
			this.s2.appendRaw(this.basin, "notes", "not json", Map.of());
			this.s2.appendRaw(this.basin, "notes", "{\"n\":2,\"text\":\"two\"}", Map.of());
			await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 2);
			assertThat(received).containsExactly(new Note(1, "one"), new Note(2, "two"));
			List<SequencedRecord> dead = this.s2.read(this.basin, "notes.dlt");
			assertThat(dead).hasSize(1);
			assertThat(dead.get(0).bodyAsString()).isEqualTo("not json");
			assertThat(TestS2.headers(dead.get(0)))
				.containsEntry(S2Headers.DLT_EXCEPTION_CLASS, S2ConversionException.class.getName())
				.hasEntrySatisfying(S2Headers.DLT_EXCEPTION_MESSAGE, (message) -> assertThat(message)
					.startsWith("Cannot read a message of 8 bytes as JSON of " + Note.class.getName()));
		}
		finally {
			subscription.stop();
		}
	}

	@Test
	void stopsTheContainerWithoutCommittingPastAMessageThatKeepsFailing() {
		this.s2.createStream(this.basin, "stops");
		this.factory.setErrorHandler(new DefaultS2ErrorHandler(new FixedBackOff(20, 1)));
		List<String> attempts = new CopyOnWriteArrayList<>();
		S2ListenerContainer container = start("stops", (messages, ack) -> {
			String text = new String(messages.get(0).payload());
			attempts.add(text);
			if (text.equals("poison")) {
				throw new IllegalStateException("poison");
			}
		});
		this.s2.appendRaw(this.basin, "stops", "a", Map.of());
		this.s2.appendRaw(this.basin, "stops", "poison", Map.of());
		this.s2.appendRaw(this.basin, "stops", "b", Map.of());
		await().atMost(Duration.ofSeconds(10)).until(() -> !container.isRunning());
		assertThat(attempts).containsExactly("a", "poison", "poison");
		assertThat(this.positions.load("errors-stops", this.basin, "stops")).hasValue(1);
		assertThat(this.events).filteredOn(S2ListenerFailedEvent.class::isInstance)
			.singleElement()
			.satisfies((event) -> {
				S2ListenerFailedEvent failed = (S2ListenerFailedEvent) event;
				assertThat(failed.isContainerStopped()).isTrue();
				assertThat(failed.getStream()).isEqualTo("stops");
				assertThat(failed.getCause()).hasMessage("poison");
			});
	}

	@Test
	void stoppingCancelsARetryThatWaits() {
		this.s2.createStream(this.basin, "waits");
		this.factory.setErrorHandler(new DefaultS2ErrorHandler(new FixedBackOff(60_000, 5)));
		List<String> attempts = new CopyOnWriteArrayList<>();
		S2ListenerContainer container = start("waits", (messages, ack) -> {
			attempts.add(new String(messages.get(0).payload()));
			throw new IllegalStateException("always");
		});
		this.s2.appendRaw(this.basin, "waits", "a", Map.of());
		await().atMost(Duration.ofSeconds(10)).until(() -> attempts.size() == 1);
		long started = System.nanoTime();
		container.stop();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
		assertThat(container.isRunning()).isFalse();
		assertThat(attempts).hasSize(1);
	}

	private S2ListenerContainer start(String stream, S2ContainerListener listener) {
		this.factory.setPositionStore(this.positions);
		S2ListenerContainer container = container("errors-" + stream, stream, S2StartPosition.beginning(),
				AckMode.RECORD, listener);
		container.start();
		return container;
	}

}
