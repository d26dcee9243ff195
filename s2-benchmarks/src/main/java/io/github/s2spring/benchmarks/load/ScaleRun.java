package io.github.s2spring.benchmarks.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * The scale scenario's measurement, shared by the in-process drivers: the baseline, one
 * append and one read session per stream, one record echoed through every stream, then
 * connections, heap and threads, and everything closed again.
 */
final class ScaleRun {

	private ScaleRun() {
	}

	/**
	 * Opens the sessions of one stream.
	 */
	@FunctionalInterface
	interface Opener {

		/**
		 * Opens stream {@code index}'s read and append sessions and appends one record.
		 * @param index the stream's number
		 * @param echoed to run once, when the read session received the record
		 * @param sessions receives the sessions, to close them at the end
		 * @throws Exception if a session cannot be opened
		 */
		void open(int index, Runnable echoed, List<AutoCloseable> sessions) throws Exception;

	}

	/**
	 * Measures.
	 * @param driver the driver's name, for errors
	 * @param streams the number of streams
	 * @param connections counts the server's connections, or answers -1
	 * @param opener opens the sessions of one stream
	 * @param cleanup closes what the sessions ran on, after them
	 * @return the result
	 * @throws Exception if a stream never echoes
	 */
	static ScaleResult measure(String driver, int streams, IntSupplier connections, Opener opener,
			AutoCloseable cleanup) throws Exception {
		int before = connections.getAsInt();
		double heapBefore = ProcessStats.heapAfterGcMib();
		List<AutoCloseable> sessions = new ArrayList<>();
		CountDownLatch echoed = new CountDownLatch(streams);
		try {
			for (int i = 0; i < streams; i++) {
				opener.open(i, echoed::countDown, sessions);
			}
			if (!echoed.await(120, TimeUnit.SECONDS)) {
				throw new IllegalStateException(driver + " scale: " + echoed.getCount() + " streams never echoed");
			}
			return new ScaleResult(streams, (before < 0) ? -1 : connections.getAsInt() - before,
					ProcessStats.heapAfterGcMib() - heapBefore, Thread.activeCount(), streams);
		}
		finally {
			for (AutoCloseable session : sessions) {
				session.close();
			}
			cleanup.close();
		}
	}

}
