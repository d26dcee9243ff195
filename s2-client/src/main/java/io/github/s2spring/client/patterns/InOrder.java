package io.github.s2spring.client.patterns;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs tasks one at a time, in the order they were added, on whichever thread calls
 * {@link #run()} while no other thread is running them. The writer adds completions under
 * its lock and runs them after releasing it: user callbacks never run under the lock, and
 * completions queued by different threads still run in the order they were decided. A
 * task that adds tasks (a callback that sends) does not recurse: they run after it, in
 * the same loop.
 */
final class InOrder {

	private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();

	private final AtomicInteger work = new AtomicInteger();

	/**
	 * Adds a task.
	 * @param task the task
	 */
	void add(Runnable task) {
		this.tasks.add(task);
	}

	/**
	 * Runs the tasks added so far, and those added meanwhile, unless another thread is
	 * running them already (it then runs these too).
	 */
	void run() {
		if (this.work.getAndIncrement() != 0) {
			return;
		}
		do {
			Runnable task;
			while ((task = this.tasks.poll()) != null) {
				task.run();
			}
		}
		while (this.work.decrementAndGet() != 0);
	}

}
