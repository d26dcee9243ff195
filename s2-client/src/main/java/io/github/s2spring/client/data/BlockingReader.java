package io.github.s2spring.client.data;

import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import s2.v1.SequencedRecord;

import io.github.s2spring.client.S2Exception;
import io.github.s2spring.client.TransportException;

/**
 * Blocking access to a {@link ReadSession}, one batch or record at a time, holding at
 * most one batch beyond the one being consumed.
 */
public final class BlockingReader implements Flow.Subscriber<ReadBatch>, Iterator<SequencedRecord> {

	private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();

	private volatile Flow.@Nullable Subscription subscription;

	private @Nullable Object terminal;

	private @Nullable Iterator<SequencedRecord> current;

	private static final Object COMPLETE = new Object();

	BlockingReader() {
	}

	@Override
	public void onSubscribe(Flow.Subscription subscription) {
		this.subscription = subscription;
		subscription.request(1);
	}

	@Override
	public void onNext(ReadBatch item) {
		this.queue.add(item);
	}

	@Override
	public void onError(Throwable throwable) {
		this.queue.add(throwable);
	}

	@Override
	public void onComplete() {
		this.queue.add(COMPLETE);
	}

	/**
	 * The next batch, waiting up to a timeout.
	 * @param timeout how long to wait
	 * @return the batch, or {@code null} if the session ended or the timeout passed
	 * @throws S2Exception if the session failed
	 */
	public @Nullable ReadBatch next(Duration timeout) {
		Object item = take(timeout);
		if (item instanceof ReadBatch batch) {
			return batch;
		}
		return null;
	}

	private @Nullable Object take(Duration timeout) {
		if (this.terminal != null) {
			return rethrow(this.terminal);
		}
		Object item;
		try {
			item = this.queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TransportException(TransportException.CLOSED, "Interrupted while reading", false, true, ex);
		}
		if (item == null) {
			return null;
		}
		if (item instanceof ReadBatch) {
			Flow.Subscription s = this.subscription;
			if (s != null) {
				s.request(1);
			}
			return item;
		}
		this.terminal = item;
		return rethrow(item);
	}

	private @Nullable Object rethrow(Object item) {
		if (item instanceof Throwable failure) {
			throw DataPlane.toS2Exception(failure, "read session");
		}
		return null;
	}

	@Override
	public boolean hasNext() {
		while (this.current == null || !this.current.hasNext()) {
			Object item = take(Duration.ofDays(365));
			if (!(item instanceof ReadBatch batch)) {
				return false;
			}
			this.current = batch.records().iterator();
		}
		return true;
	}

	@Override
	public SequencedRecord next() {
		if (!hasNext()) {
			throw new NoSuchElementException("The read session has ended");
		}
		return this.current.next();
	}

}
