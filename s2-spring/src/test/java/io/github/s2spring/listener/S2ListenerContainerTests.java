package io.github.s2spring.listener;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.github.s2spring.support.S2StartPosition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * A container built directly, without a factory: its own threads, its lifecycle, and what
 * it refuses.
 */
class S2ListenerContainerTests extends ListenerTestSupport {

	@Test
	void containerWithoutExecutorsCreatesAndStopsItsOwn() throws Exception {
		this.s2.createStream(this.basin, "own");
		this.s2.appendRaw(this.basin, "own", "one", Map.of());
		S2ContainerProperties properties = new S2ContainerProperties();
		properties.setBasin(this.basin);
		properties.setStreams(List.of("own"));
		properties.setStartPosition(S2StartPosition.beginning());
		S2ListenerContainer container = new S2ListenerContainer(this.s2.client(), properties);
		List<String> received = new CopyOnWriteArrayList<>();
		container.setupMessageListener(
				(messages, ack) -> messages.forEach((message) -> received.add(new String(message.payload()))));
		container.setBeanName("own-listener");
		container.setPhase(42);
		container.setAutoStartup(false);
		assertThat(container.getPhase()).isEqualTo(42);
		assertThat(container.isAutoStartup()).isFalse();
		assertThat(container.getMessageListener()).isNotNull();
		assertThat(container).hasToString("S2ListenerContainer[own-listener]");
		container.start();
		container.start();
		await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
		assertThat(Thread.getAllStackTraces().keySet()).anyMatch((t) -> t.getName().startsWith("own-listener-"));
		container.stop();
		assertThat(container.isRunning()).isFalse();
		assertThat(container.getState().streams()).isEmpty();
		CountDownLatch again = new CountDownLatch(1);
		container.stop(again::countDown);
		assertThat(again.await(1, TimeUnit.SECONDS)).isTrue();
		container.start();
		this.s2.appendRaw(this.basin, "own", "two", Map.of());
		await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 3);
		assertThat(received).containsExactly("one", "one", "two");
		container.stop();
	}

	@Test
	void deliversEverythingAndStopsWhenTheExecutorRefusesEveryTask() throws Exception {
		this.s2.createStream(this.basin, "refused");
		for (int i = 0; i < 5; i++) {
			this.s2.appendRaw(this.basin, "refused", "m" + i, Map.of());
		}
		S2ContainerProperties properties = new S2ContainerProperties();
		properties.setBasin(this.basin);
		properties.setStreams(List.of("refused"));
		properties.setStartPosition(S2StartPosition.beginning());
		S2ListenerContainer container = new S2ListenerContainer(this.s2.client(), properties);
		AtomicInteger refusals = new AtomicInteger();
		container.setTaskExecutor((task) -> {
			refusals.incrementAndGet();
			throw new RejectedExecutionException("full");
		});
		List<String> received = new CopyOnWriteArrayList<>();
		container.setupMessageListener(
				(messages, ack) -> messages.forEach((message) -> received.add(new String(message.payload()))));
		container.setBeanName("refused-listener");
		container.start();
		await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 5);
		this.s2.appendRaw(this.basin, "refused", "m5", Map.of());
		await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 6);
		CountDownLatch stopped = new CountDownLatch(1);
		container.stop(stopped::countDown);
		assertThat(stopped.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(received).containsExactly("m0", "m1", "m2", "m3", "m4", "m5");
		assertThat(refusals).hasPositiveValue();
	}

	@Test
	void refusesToStartWithoutListenerStreamsOrBasin() {
		S2ContainerProperties properties = new S2ContainerProperties();
		S2ListenerContainer container = new S2ListenerContainer(this.s2.client(), properties);
		container.setBeanName("incomplete");
		assertThatIllegalStateException().isThrownBy(container::start).withMessageContaining("no message listener");
		container.setupMessageListener((messages, ack) -> {
		});
		assertThatIllegalStateException().isThrownBy(container::start)
			.withMessageContaining("no streams and no prefix");
		properties.setStreams(List.of("s"));
		assertThatIllegalStateException().isThrownBy(container::start).withMessageContaining("has no basin");
		assertThatIllegalStateException().isThrownBy(container::taskExecutor).withMessageContaining("not started");
		assertThatIllegalStateException().isThrownBy(container::taskScheduler).withMessageContaining("not started");
		assertThatIllegalArgumentException().isThrownBy(() -> container.seek(null, S2StartPosition.stored()));
	}

}
