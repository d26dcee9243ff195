package io.github.s2spring.client.concurrent;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs tasks one at a time, in the order they were submitted, on a shared executor: the
 * callbacks of one session, or the deliveries of one stream, while many of them share a
 * few threads. At most one of its tasks runs at any moment, so they never overlap and
 * each sees what the previous one did.
 * <p>
 * <b>Fair.</b> A turn runs at most {@value #MAX_TASKS_PER_RUN} tasks, then the rest waits
 * behind whatever else was submitted to the shared executor meanwhile: a busy lane does
 * not keep a thread from the others.
 * <p>
 * <b>Never drops a task.</b> A task that throws is passed to the thread's
 * {@link Thread.UncaughtExceptionHandler uncaught exception handler} and the next one
 * runs. If the shared executor refuses a turn (it is shut down, or its queue is full),
 * the turn runs on the submitting thread, which also slows the submitter down.
 *
 * <pre class="code">
 * Executor pool = Executors.newFixedThreadPool(4);
 * Executor orders = new SerialExecutor(pool);   // one per stream
 * orders.execute(() -&gt; handle(first));
 * orders.execute(() -&gt; handle(second));         // runs after first, maybe on another thread
 * </pre>
 */
public final class SerialExecutor implements Executor {

	/** The most tasks run in one turn before the shared executor is handed back. */
	public static final int MAX_TASKS_PER_RUN = 64;

	private final Executor delegate;

	private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();

	private final AtomicBoolean scheduled = new AtomicBoolean();

	private final Runnable turn = this::turn;

	/**
	 * Creates a serial executor.
	 * @param delegate the shared executor its turns run on
	 */
	public SerialExecutor(Executor delegate) {
		this.delegate = delegate;
	}

	@Override
	public void execute(Runnable task) {
		this.tasks.add(task);
		schedule();
	}

	private void schedule() {
		while (!this.tasks.isEmpty() && this.scheduled.compareAndSet(false, true)) {
			try {
				this.delegate.execute(this.turn);
				return;
			}
			catch (RejectedExecutionException ex) {
				runTasks();
			}
		}
	}

	private void turn() {
		runTasks();
		schedule();
	}

	/**
	 * Runs one turn's tasks; the caller holds {@link #scheduled}, and this releases it.
	 */
	private void runTasks() {
		try {
			for (int i = 0; i < MAX_TASKS_PER_RUN; i++) {
				Runnable task = this.tasks.poll();
				if (task == null) {
					return;
				}
				run(task);
			}
		}
		finally {
			this.scheduled.set(false);
		}
	}

	private static void run(Runnable task) {
		try {
			task.run();
		}
		catch (RuntimeException | Error ex) {
			Thread thread = Thread.currentThread();
			thread.getUncaughtExceptionHandler().uncaughtException(thread, ex);
		}
	}

}
