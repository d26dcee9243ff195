package io.github.s2spring.listener;

import java.util.concurrent.Executor;

import org.jspecify.annotations.Nullable;

import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The threads of listener containers: a bounded delivery executor (each stream's
 * deliveries run in order on it) and one timer thread for reconnection, retry and
 * discovery delays, both daemon threads created on first use and shut down together.
 * Thread-safe.
 */
public final class S2ListenerThreads {

	private final String namePrefix;

	private final int maxThreads;

	private @Nullable ThreadPoolTaskExecutor executor;

	private @Nullable ThreadPoolTaskScheduler scheduler;

	/**
	 * Creates the threads' owner; no thread starts yet.
	 * @param namePrefix the prefix of the threads' names
	 * @param maxThreads how many threads deliver messages, at least 1
	 */
	public S2ListenerThreads(String namePrefix, int maxThreads) {
		if (maxThreads < 1) {
			throw new IllegalArgumentException("maxThreads must be at least 1, got " + maxThreads);
		}
		this.namePrefix = namePrefix;
		this.maxThreads = maxThreads;
	}

	/**
	 * Two delivery threads per core.
	 * @return the default number of delivery threads
	 */
	public static int defaultMaxThreads() {
		return 2 * Runtime.getRuntime().availableProcessors();
	}

	/**
	 * The delivery executor; idle threads end after a minute.
	 * @return the executor
	 */
	public synchronized Executor executor() {
		if (this.executor == null) {
			ThreadPoolTaskExecutor created = new ThreadPoolTaskExecutor();
			created.setCorePoolSize(this.maxThreads);
			created.setMaxPoolSize(this.maxThreads);
			created.setAllowCoreThreadTimeOut(true);
			created.setWaitForTasksToCompleteOnShutdown(true);
			created.setDaemon(true);
			created.setThreadNamePrefix(this.namePrefix);
			created.initialize();
			this.executor = created;
		}
		return this.executor;
	}

	/**
	 * The timer.
	 * @return the scheduler
	 */
	public synchronized TaskScheduler scheduler() {
		if (this.scheduler == null) {
			ThreadPoolTaskScheduler created = new ThreadPoolTaskScheduler();
			created.setDaemon(true);
			created.setThreadNamePrefix(this.namePrefix + "timer-");
			created.initialize();
			this.scheduler = created;
		}
		return this.scheduler;
	}

	/**
	 * Shuts the threads down: tasks already running finish, no new one starts. The next
	 * use creates new threads.
	 */
	public synchronized void shutdown() {
		if (this.executor != null) {
			this.executor.shutdown();
			this.executor = null;
		}
		if (this.scheduler != null) {
			this.scheduler.shutdown();
			this.scheduler = null;
		}
	}

}
