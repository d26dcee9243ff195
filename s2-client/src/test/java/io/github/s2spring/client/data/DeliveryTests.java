package io.github.s2spring.client.data;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Session callbacks run off the Netty event loop, in order per session, and one session's
 * slow subscriber never holds up another's.
 */
class DeliveryTests {

	@RegisterExtension
	static final EmbeddedServerExtension embedded = new EmbeddedServerExtension();

	private static final String EVENT_LOOP = "s2-client";

	/** Records the thread of every batch and blocks on the first until released. */
	private static final class Recording implements Flow.Subscriber<ReadBatch> {

		final List<String> threads = new CopyOnWriteArrayList<>();

		final List<Long> seqNums = new CopyOnWriteArrayList<>();

		final CountDownLatch release;

		Recording(int blockFor) {
			this.release = new CountDownLatch(blockFor);
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			subscription.request(Long.MAX_VALUE);
		}

		@Override
		public void onNext(ReadBatch item) {
			this.threads.add(Thread.currentThread().getName());
			item.records().forEach((record) -> this.seqNums.add(record.seqNum()));
			try {
				this.release.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		@Override
		public void onError(Throwable throwable) {
		}

		@Override
		public void onComplete() {
		}

	}

	@Test
	void aBlockedSubscriberDoesNotDelayAnotherSessionsDelivery() throws Exception {
		S2Stream slow = embedded.stream("slow");
		S2Stream fast = embedded.stream("fast");
		slow.append(AppendBatch.of(AppendRecord.of("s")));
		Recording blocked = new Recording(1);
		Recording free = new Recording(0);
		try (ReadSession slowSession = slow.readSession(ReadOptions.fromSeqNum(0));
				ReadSession fastSession = fast.readSession(ReadOptions.fromSeqNum(0))) {
			slowSession.subscribe(blocked);
			await().atMost(Duration.ofSeconds(10)).until(() -> blocked.threads.size() == 1);
			fastSession.subscribe(free);
			for (int i = 0; i < 5; i++) {
				fast.append(AppendBatch.of(AppendRecord.of("f" + i)));
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> free.seqNums.size() == 5);
			assertThat(free.seqNums).containsExactly(0L, 1L, 2L, 3L, 4L);
			assertThat(blocked.release.getCount()).isEqualTo(1);
			blocked.release.countDown();
		}
		assertThat(blocked.threads).allSatisfy((name) -> assertThat(name).startsWith("s2-delivery-"));
		assertThat(free.threads).allSatisfy((name) -> assertThat(name).startsWith("s2-delivery-"));
	}

	@Test
	void callbacksRunOnTheCallersExecutorOrOnTheEventLoopWhenAsked() throws Exception {
		S2Stream stream = embedded.stream("where");
		stream.append(AppendBatch.of(AppendRecord.of("x")));
		Executor own = (task) -> {
			Thread thread = new Thread(task, "own-executor");
			thread.start();
		};
		Recording onOwn = new Recording(0);
		Recording onLoop = new Recording(0);
		try (ReadSession first = stream.readSession(ReadOptions.fromSeqNum(0),
				ReadSessionOptions.defaults().withDeliveryExecutor(own));
				ReadSession second = stream.readSession(ReadOptions.fromSeqNum(0),
						ReadSessionOptions.defaults().withDeliveryOnEventLoop())) {
			first.subscribe(onOwn);
			second.subscribe(onLoop);
			await().atMost(Duration.ofSeconds(10)).until(() -> onOwn.threads.size() == 1 && onLoop.threads.size() == 1);
		}
		assertThat(onOwn.threads).containsExactly("own-executor");
		assertThat(onLoop.threads.get(0)).startsWith(EVENT_LOOP);
	}

	@Test
	void acknowledgementsCompleteOffTheEventLoopUnlessAsked() throws Exception {
		S2Stream stream = embedded.stream("acks");
		try (AppendSession delivered = stream.appendSession();
				AppendSession onLoop = stream
					.appendSession(AppendSessionOptions.defaults().withCompletionOnEventLoop())) {
			for (int i = 0; i < 20; i++) {
				CompletableFuture<String> thread = new CompletableFuture<>();
				delivered.submit(AppendBatch.of(AppendRecord.of("d" + i)))
					.join()
					.ack()
					.whenComplete((ack, ex) -> thread.complete(Thread.currentThread().getName()));
				assertThat(thread.get(10, TimeUnit.SECONDS)).doesNotStartWith(EVENT_LOOP);
			}
			CompletableFuture<String> loopThread = new CompletableFuture<>();
			AppendTicket ticket = onLoop.trySubmit(AppendBatch.of(AppendRecord.of("l")));
			ticket.ack().whenComplete((ack, ex) -> loopThread.complete(Thread.currentThread().getName()));
			assertThat(loopThread.get(10, TimeUnit.SECONDS)).satisfiesAnyOf(
					(name) -> assertThat(name).startsWith(EVENT_LOOP),
					(name) -> assertThat(ticket.ack()).isCompleted());
		}
	}

}
