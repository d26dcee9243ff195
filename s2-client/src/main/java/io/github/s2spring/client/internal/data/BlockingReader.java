package io.github.s2spring.client.internal.data;

import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.client.data.ReadBatch;
import io.github.s2spring.client.data.RecordReader;
import io.github.s2spring.client.data.SequencedRecord;
import io.github.s2spring.client.error.TransportException;

/**
 * Blocking access to a read session as a subscriber of it: whole batches
 * ({@link RecordReader}) or records one by one ({@link #records()}). It requests one
 * batch at a time, so it holds at most one batch beyond the one being consumed.
 */
final class BlockingReader implements Flow.Subscriber<ReadBatch>, RecordReader {

	private static final Object COMPLETE = new Object();

	private static final Duration FOREVER = Duration.ofDays(365);

	private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();

	private volatile Flow.@Nullable Subscription subscription;

	private @Nullable Object terminal;

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

	@Override
	public @Nullable ReadBatch next() {
		return next(FOREVER);
	}

	@Override
	public @Nullable ReadBatch next(Duration timeout) {
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
		if (item instanceof ReadBatch batch) {
			Flow.Subscription s = this.subscription;
			if (s != null) {
				s.request(1);
			}
			return batch;
		}
		this.terminal = item;
		return rethrow(item);
	}

	private static @Nullable ReadBatch rethrow(Object item) {
		if (item instanceof Throwable failure) {
			throw DataPlane.toS2Exception(failure, "read session");
		}
		return null;
	}

	/**
	 * The records of the batches this reader receives, one by one: {@code hasNext()}
	 * waits for the next record.
	 * @return the iterator
	 */
	Iterator<SequencedRecord> records() {
		return new Iterator<>() {

			private @Nullable Iterator<SequencedRecord> current;

			@Override
			public boolean hasNext() {
				Iterator<SequencedRecord> records = this.current;
				while (records == null || !records.hasNext()) {
					ReadBatch batch = BlockingReader.this.next();
					if (batch == null) {
						return false;
					}
					records = batch.records().iterator();
					this.current = records;
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

		};
	}

}
