package io.github.s2spring.client.internal.data;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The delivery executor a client owns when its configuration names none:
 * {@code max(2, cores)} daemon threads named {@code s2-delivery-N}, started as work
 * arrives and stopped after a minute without any.
 */
final class DeliveryPool {

	private DeliveryPool() {
	}

	/**
	 * Creates the pool.
	 * @return the pool; shut it down with the client
	 */
	static ExecutorService create() {
		int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
		AtomicInteger count = new AtomicInteger();
		ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(), (task) -> {
					Thread thread = new Thread(task, "s2-delivery-" + count.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
		pool.allowCoreThreadTimeOut(true);
		return pool;
	}

}
