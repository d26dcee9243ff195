package io.github.s2spring.embedded.storage.file;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;

/**
 * The frames waiting for the writer thread, bounded in bytes. A frame's bytes count from
 * {@link #put} until the writer {@link #release releases} them after its group is
 * durable, so queued and in-flight frames together stay within the capacity. Callers that
 * find no room wait, first come first served, and later callers queue behind them, so
 * frames enter in call order.
 */
final class AppendQueue {

	private final String name;

	private final long capacity;

	private final ReentrantLock admission = new ReentrantLock(true);

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition notEmpty = this.lock.newCondition();

	private final Condition hasRoom = this.lock.newCondition();

	private final ArrayDeque<Pending> pending = new ArrayDeque<>();

	private long bytes;

	private long highWater;

	private boolean closed;

	private @Nullable RuntimeException failure;

	/**
	 * Creates a queue.
	 * @param name the journal's name (its directory), for messages
	 * @param capacity the bytes that may be queued or in flight at once
	 */
	AppendQueue(String name, long capacity) {
		this.name = name;
		this.capacity = capacity;
	}

	/**
	 * A frame and the future to complete once it is durable.
	 *
	 * @param frame the encoded entry
	 * @param future completed by the writer thread
	 */
	record Pending(byte[] frame, CompletableFuture<Void> future) {
	}

	/**
	 * Adds a frame, waiting while the queue has no room for it. A frame always fits into
	 * an empty queue. If the queue is closed or failed, the frame's future is failed
	 * instead.
	 * @param frame the frame and its future
	 * @param wait whether to wait for room; {@code false} admits the frame over capacity
	 * (for the writer thread itself, which would otherwise wait for itself)
	 * @throws InterruptedException if interrupted while waiting
	 */
	void put(Pending frame, boolean wait) throws InterruptedException {
		long length = frame.frame().length;
		this.lock.lock();
		try {
			// Fast path: no caller waits for room and this frame fits (the writer never
			// waits).
			if (!wait || (!this.admission.isLocked() && !mustWait(length))) {
				enqueue(frame);
				return;
			}
		}
		finally {
			this.lock.unlock();
		}
		this.admission.lockInterruptibly();
		try {
			this.lock.lockInterruptibly();
			try {
				while (mustWait(length)) {
					this.hasRoom.await();
				}
				enqueue(frame);
			}
			finally {
				this.lock.unlock();
			}
		}
		finally {
			this.admission.unlock();
		}
	}

	/**
	 * Takes every queued frame, waiting until there is one or the queue is closed.
	 * @return the frames in order; empty once the queue is closed and drained, or failed
	 */
	List<Pending> takeAll() {
		this.lock.lock();
		try {
			while (this.pending.isEmpty() && !this.closed && this.failure == null) {
				this.notEmpty.awaitUninterruptibly();
			}
			List<Pending> group = new ArrayList<>(this.pending);
			this.pending.clear();
			return group;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Returns the bytes of frames that are durable, making room.
	 * @param length the bytes to release
	 */
	void release(long length) {
		this.lock.lock();
		try {
			this.bytes -= length;
			this.hasRoom.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Refuses every later frame with the given failure and takes the frames still queued.
	 * @param cause why the journal failed
	 * @return the frames that were queued, for the caller to fail in order
	 */
	List<Pending> fail(RuntimeException cause) {
		this.lock.lock();
		try {
			this.failure = cause;
			List<Pending> queued = new ArrayList<>(this.pending);
			this.pending.clear();
			this.bytes = 0;
			this.hasRoom.signalAll();
			this.notEmpty.signalAll();
			return queued;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Refuses later frames; those queued are still taken by the writer.
	 */
	void close() {
		this.lock.lock();
		try {
			this.closed = true;
			this.hasRoom.signalAll();
			this.notEmpty.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * The most bytes ever queued or in flight at once, for tests of the bound.
	 * @return the high-water mark
	 */
	long highWater() {
		this.lock.lock();
		try {
			return this.highWater;
		}
		finally {
			this.lock.unlock();
		}
	}

	private boolean mustWait(long length) {
		return !this.closed && this.failure == null && this.bytes > 0 && this.bytes + length > this.capacity;
	}

	private void enqueue(Pending frame) {
		RuntimeException refusal = refusal();
		if (refusal != null) {
			frame.future().completeExceptionally(refusal);
			return;
		}
		this.pending.add(frame);
		this.bytes += frame.frame().length;
		this.highWater = Math.max(this.highWater, this.bytes);
		this.notEmpty.signal();
	}

	private @Nullable RuntimeException refusal() {
		if (this.failure != null) {
			return new JournalException("Journal in " + this.name + " failed earlier and accepts no appends",
					this.failure);
		}
		if (this.closed) {
			return new JournalException("Journal in " + this.name + " is closed");
		}
		return null;
	}

}
