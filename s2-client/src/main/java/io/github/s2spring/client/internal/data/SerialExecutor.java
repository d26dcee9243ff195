package io.github.s2spring.client.internal.data;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the callbacks of one session one at a time, in the order they were submitted, on a
 * shared executor: at most one of its tasks runs at any moment, so a session's callbacks
 * never overlap, and a session never holds a thread of the shared executor for more than
 * a run of {@value #MAX_TASKS_PER_RUN} tasks before letting other sessions in. A task
 * that throws does not stop the ones after it. If the shared executor refuses work (it
 * was shut down with its client), tasks run on the submitting thread.
 */
final class SerialExecutor implements Executor {

	/** Tasks run in one turn before the executor is handed back. */
	static final int MAX_TASKS_PER_RUN = 64;

	private final Executor delegate;

	private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();

	private final AtomicBoolean scheduled = new AtomicBoolean();

	private final Runnable drain = this::drain;

	SerialExecutor(Executor delegate) {
		this.delegate = delegate;
	}

	@Override
	public void execute(Runnable task) {
		this.tasks.add(task);
		schedule();
	}

	private void schedule() {
		if (this.tasks.isEmpty() || !this.scheduled.compareAndSet(false, true)) {
			return;
		}
		try {
			this.delegate.execute(this.drain);
		}
		catch (RejectedExecutionException ex) {
			drain();
		}
	}

	private void drain() {
		try {
			for (int i = 0; i < MAX_TASKS_PER_RUN; i++) {
				Runnable task = this.tasks.poll();
				if (task == null) {
					break;
				}
				run(task);
			}
		}
		finally {
			this.scheduled.set(false);
		}
		schedule();
	}

	private static void run(Runnable task) {
		try {
			task.run();
		}
		catch (RuntimeException | Error ex) {
			Thread thread = Thread.currentThread();
			Thread.UncaughtExceptionHandler handler = thread.getUncaughtExceptionHandler();
			if (handler != null) {
				handler.uncaughtException(thread, ex);
			}
		}
	}

}
