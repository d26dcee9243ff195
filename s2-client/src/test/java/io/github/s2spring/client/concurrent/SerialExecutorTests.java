package io.github.s2spring.client.concurrent;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SerialExecutor}: order, fairness between lanes, failures and refusals.
 */
class SerialExecutorTests {

	@Test
	void runsTasksInOrderInTurnsAndPastAFailingTask() {
		Queue<Runnable> pool = new ArrayDeque<>();
		SerialExecutor serial = new SerialExecutor(pool::add);
		List<Integer> ran = new ArrayList<>();
		List<Throwable> uncaught = new ArrayList<>();
		Thread.UncaughtExceptionHandler previous = Thread.currentThread().getUncaughtExceptionHandler();
		Thread.currentThread().setUncaughtExceptionHandler((thread, ex) -> uncaught.add(ex));
		try {
			for (int i = 0; i < SerialExecutor.MAX_TASKS_PER_RUN + 10; i++) {
				int task = i;
				serial.execute(() -> {
					ran.add(task);
					if (task == 3) {
						throw new IllegalStateException("a failing callback");
					}
				});
			}
			assertThat(pool).hasSize(1);
			pool.poll().run();
			assertThat(ran).hasSize(SerialExecutor.MAX_TASKS_PER_RUN);
			assertThat(pool).hasSize(1);
			pool.poll().run();
			assertThat(pool).isEmpty();
		}
		finally {
			Thread.currentThread().setUncaughtExceptionHandler(previous);
		}
		assertThat(ran).hasSize(SerialExecutor.MAX_TASKS_PER_RUN + 10).isSorted();
		assertThat(uncaught).singleElement()
			.satisfies(
					(ex) -> assertThat(ex).isInstanceOf(IllegalStateException.class).hasMessage("a failing callback"));
	}

	@Test
	void aBusyLaneTakesTurnsWithTheOthersOnOneThread() {
		Queue<Runnable> pool = new ArrayDeque<>();
		List<String> ran = new ArrayList<>();
		SerialExecutor busy = new SerialExecutor(pool::add);
		SerialExecutor quiet = new SerialExecutor(pool::add);
		for (int i = 0; i < 3 * SerialExecutor.MAX_TASKS_PER_RUN; i++) {
			busy.execute(() -> ran.add("busy"));
		}
		quiet.execute(() -> ran.add("quiet"));
		Runnable turn;
		while ((turn = pool.poll()) != null) {
			turn.run();
		}
		assertThat(ran).hasSize(3 * SerialExecutor.MAX_TASKS_PER_RUN + 1);
		assertThat(ran.indexOf("quiet")).isEqualTo(SerialExecutor.MAX_TASKS_PER_RUN);
	}

	@Test
	void runsOnTheSubmittingThreadWhenTheSharedExecutorRefuses() {
		List<String> ran = new ArrayList<>();
		AtomicInteger refused = new AtomicInteger();
		SerialExecutor serial = new SerialExecutor((task) -> {
			refused.incrementAndGet();
			throw new RejectedExecutionException("shut down");
		});
		serial.execute(() -> {
			ran.add("first on " + Thread.currentThread().getName());
			serial.execute(() -> ran.add("nested"));
			ran.add("first done");
		});
		assertThat(ran).containsExactly("first on " + Thread.currentThread().getName(), "first done", "nested");
		assertThat(refused).hasValue(1);
		for (int i = 0; i < 2 * SerialExecutor.MAX_TASKS_PER_RUN + 1; i++) {
			serial.execute(() -> ran.add("later"));
		}
		assertThat(ran).hasSize(3 + 2 * SerialExecutor.MAX_TASKS_PER_RUN + 1);
	}

	@Test
	void neverRunsTwoTasksOfALaneAtOnceOnManyThreads() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			SerialExecutor serial = new SerialExecutor(pool);
			AtomicInteger running = new AtomicInteger();
			AtomicInteger overlaps = new AtomicInteger();
			List<Integer> order = new ArrayList<>();
			int tasks = 20_000;
			CountDownLatch done = new CountDownLatch(tasks);
			for (int i = 0; i < tasks; i++) {
				int task = i;
				serial.execute(() -> {
					if (running.incrementAndGet() != 1) {
						overlaps.incrementAndGet();
					}
					order.add(task);
					running.decrementAndGet();
					done.countDown();
				});
			}
			assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
			assertThat(overlaps).hasValue(0);
			assertThat(order).hasSize(tasks).isSorted();
		}
		finally {
			pool.shutdownNow();
		}
	}

}
