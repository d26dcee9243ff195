package io.github.s2spring.benchmarks.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.HdrHistogram.Histogram;

/**
 * The fixed-rate loops of the latency scenarios, shared by the in-process drivers: one
 * batch of one record per slot of a {@link Pacer}, latencies in microseconds from the
 * slot's intended send time.
 */
final class Latency {

	private Latency() {
	}

	/**
	 * Sends one batch in one slot.
	 */
	@FunctionalInterface
	interface Send {

		/**
		 * Sends the batch of slot {@code index}.
		 * @param index the slot, also the record's index
		 * @param sentAt the slot's intended send time ({@link System#nanoTime()})
		 * @return completes when the batch is acknowledged
		 * @throws Exception if it cannot be sent
		 */
		CompletableFuture<?> send(long index, long sentAt) throws Exception;

	}

	/**
	 * How many slots a workload's latency scenario has.
	 * @param workload the workload
	 * @return the number of batches
	 */
	static long slots(Workload workload) {
		return Math.max(1, workload.duration().toNanos() * workload.ratePerSecond() / 1_000_000_000L);
	}

	/**
	 * Sends a batch in every slot and records each acknowledgement's latency.
	 * @param workload the workload
	 * @param send sends one batch
	 * @return the latencies
	 * @throws Exception if a batch fails or the acknowledgements take over a minute
	 */
	static Histogram ofAcks(Workload workload, Send send) throws Exception {
		Histogram histogram = new Histogram(3);
		List<CompletableFuture<?>> acks = new ArrayList<>();
		Pacer pacer = new Pacer(workload.ratePerSecond());
		for (long i = 0; i < slots(workload); i++) {
			long sentAt = pacer.awaitNext();
			acks.add(send.send(i, sentAt).thenRun(() -> record(histogram, System.nanoTime() - sentAt)));
		}
		CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
		return histogram;
	}

	/**
	 * Sends a batch in every slot, then waits until a reader counted every record down.
	 * @param workload the workload
	 * @param received counted down by the reader once per record
	 * @param send sends one batch; the record carries its slot's send time
	 * @param state describes the reader when it falls short
	 * @throws Exception if a batch cannot be sent or records are missing after a minute
	 */
	static void delivered(Workload workload, CountDownLatch received, Send send, Supplier<Object> state)
			throws Exception {
		Pacer pacer = new Pacer(workload.ratePerSecond());
		long total = slots(workload);
		for (long i = 0; i < total; i++) {
			send.send(i, pacer.awaitNext());
		}
		if (!received.await(60, TimeUnit.SECONDS)) {
			throw new IllegalStateException("the read session received " + (total - received.getCount()) + " of "
					+ total + " records: " + state.get());
		}
	}

	/**
	 * Records one latency.
	 * @param histogram the histogram, shared with other threads
	 * @param nanos the latency in nanoseconds
	 */
	static void record(Histogram histogram, long nanos) {
		synchronized (histogram) {
			histogram.recordValue(Math.max(0, nanos / 1000));
		}
	}

}
