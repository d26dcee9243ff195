package io.github.s2spring.client.internal.data;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ObjLongConsumer;
import java.util.function.ToLongFunction;

import io.github.s2spring.client.error.OverloadedException;

/**
 * The bounds of an append session: batches are admitted while the batches and metered
 * bytes admitted but not yet acknowledged stay within their limits (a lone batch is
 * always admitted); others wait, first come first served, in a queue of bounded length,
 * and are refused when it is full. Each admitted entry is numbered in the order of
 * admission (from 0), so that the session can keep that order whichever thread admitted
 * it. Thread-safe: callers admit from their own threads, the session releases from its
 * event loop.
 *
 * @param <E> the kind of entry admitted
 */
final class AppendAdmission<E> {

	private final long maxInflightBytes;

	private final int maxInflightBatches;

	private final int maxQueuedBatches;

	private final ToLongFunction<E> meteredBytes;

	private final ObjLongConsumer<E> numbering;

	private long admittedCount;

	private final ArrayDeque<E> waiting = new ArrayDeque<>();

	private long inflightBytes;

	private int inflightBatches;

	private long acknowledged;

	AppendAdmission(long maxInflightBytes, int maxInflightBatches, int maxQueuedBatches, ToLongFunction<E> meteredBytes,
			ObjLongConsumer<E> numbering) {
		this.maxInflightBytes = maxInflightBytes;
		this.maxInflightBatches = maxInflightBatches;
		this.maxQueuedBatches = maxQueuedBatches;
		this.meteredBytes = meteredBytes;
		this.numbering = numbering;
	}

	/**
	 * Admits an entry if it fits now and nothing waits before it.
	 * @param entry the entry
	 * @return whether it was admitted
	 */
	synchronized boolean tryAdmit(E entry) {
		if (!this.waiting.isEmpty() || !fits(entry)) {
			return false;
		}
		take(entry);
		return true;
	}

	/**
	 * Admits an entry, or queues it until it fits.
	 * @param entry the entry
	 * @return {@code true} if admitted now, {@code false} if queued
	 * @throws OverloadedException if it would have to wait and the queue is full
	 */
	synchronized boolean admitOrQueue(E entry) {
		if (tryAdmit(entry)) {
			return true;
		}
		if (this.waiting.size() >= this.maxQueuedBatches) {
			throw new OverloadedException("The append session's waiting queue is full (" + this.maxQueuedBatches
					+ " batches wait for " + this.inflightBatches + " unacknowledged batches of " + this.inflightBytes
					+ " metered bytes)");
		}
		this.waiting.add(entry);
		return false;
	}

	/**
	 * Releases an acknowledged entry and admits the waiting entries that now fit.
	 * @param entry the acknowledged entry
	 * @return the entries admitted, in order
	 */
	synchronized List<E> release(E entry) {
		this.inflightBatches--;
		this.inflightBytes -= this.meteredBytes.applyAsLong(entry);
		this.acknowledged++;
		List<E> admitted = new ArrayList<>(0);
		while (!this.waiting.isEmpty() && fits(this.waiting.peek())) {
			E next = this.waiting.poll();
			take(next);
			admitted.add(next);
		}
		return admitted;
	}

	/**
	 * Forgets every entry, admitted or waiting, as the session fails.
	 * @return the entries that were waiting
	 */
	synchronized List<E> clear() {
		List<E> waited = new ArrayList<>(this.waiting);
		this.waiting.clear();
		this.inflightBatches = 0;
		this.inflightBytes = 0;
		return waited;
	}

	synchronized boolean isEmpty() {
		return this.inflightBatches == 0 && this.waiting.isEmpty();
	}

	synchronized int inflightBatches() {
		return this.inflightBatches;
	}

	synchronized long inflightBytes() {
		return this.inflightBytes;
	}

	synchronized int queuedBatches() {
		return this.waiting.size();
	}

	synchronized long acknowledged() {
		return this.acknowledged;
	}

	private boolean fits(E entry) {
		return this.inflightBatches == 0 || (this.inflightBatches < this.maxInflightBatches
				&& this.inflightBytes + this.meteredBytes.applyAsLong(entry) <= this.maxInflightBytes);
	}

	private void take(E entry) {
		this.numbering.accept(entry, this.admittedCount++);
		this.inflightBatches++;
		this.inflightBytes += this.meteredBytes.applyAsLong(entry);
	}

}
