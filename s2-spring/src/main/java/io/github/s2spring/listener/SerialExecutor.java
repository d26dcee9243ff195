package io.github.s2spring.listener;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.core.log.LogAccessor;

/**
 * Runs tasks one at a time, in order, on a shared executor: the delivery order of one
 * stream, while many streams share a few threads. A task that throws a runtime exception
 * is logged and the next one runs.
 */
final class SerialExecutor implements Executor {

	private static final LogAccessor logger = new LogAccessor(SerialExecutor.class);

	private final Executor delegate;

	private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();

	private final AtomicBoolean scheduled = new AtomicBoolean();

	SerialExecutor(Executor delegate) {
		this.delegate = delegate;
	}

	@Override
	public void execute(Runnable task) {
		this.tasks.add(task);
		schedule();
	}

	private void schedule() {
		if (!this.tasks.isEmpty() && this.scheduled.compareAndSet(false, true)) {
			try {
				this.delegate.execute(this::runAll);
			}
			catch (RejectedExecutionException ex) {
				this.scheduled.set(false);
				this.tasks.clear();
				logger.debug(() -> "Delivery executor rejected a task (shutting down): " + ex.getMessage());
			}
		}
	}

	private void runAll() {
		try {
			Runnable task;
			while ((task = this.tasks.poll()) != null) {
				try {
					task.run();
				}
				catch (RuntimeException ex) {
					logger.error(ex, "Unexpected failure of a delivery task");
				}
			}
		}
		finally {
			this.scheduled.set(false);
			schedule();
		}
	}

}
