package io.github.s2spring.benchmarks.load;

import java.util.concurrent.locks.LockSupport;

/**
 * Paces a loop at a fixed rate, measuring from the intended send time so that a stall is
 * counted against latency instead of hidden (no coordinated omission).
 */
final class Pacer {

	private final long intervalNanos;

	private long next = System.nanoTime();

	Pacer(int perSecond) {
		this.intervalNanos = 1_000_000_000L / Math.max(1, perSecond);
	}

	/**
	 * Waits until the next slot.
	 * @return the intended send time of this slot, in {@link System#nanoTime()} units
	 */
	long awaitNext() {
		long slot = this.next;
		this.next += this.intervalNanos;
		long wait;
		while ((wait = slot - System.nanoTime()) > 0) {
			LockSupport.parkNanos(wait);
		}
		return slot;
	}

}
