package io.github.s2spring.client.patterns;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.client.data.ReadBatch;

/**
 * A publisher of outcomes over a publisher of batches (a read session). Each batch is
 * requested only when the subscriber has demand and nothing decoded is waiting, so a slow
 * subscriber slows the read, not the heap.
 *
 * @param <T> the type of the messages
 */
final class DecodingPublisher<T> implements Flow.Publisher<ReadOutcome<T>> {

	private final Flow.Publisher<ReadBatch> upstream;

	private final Function<ReadBatch, List<ReadOutcome<T>>> decoder;

	DecodingPublisher(Flow.Publisher<ReadBatch> upstream, Function<ReadBatch, List<ReadOutcome<T>>> decoder) {
		this.upstream = upstream;
		this.decoder = decoder;
	}

	@Override
	public void subscribe(Flow.Subscriber<? super ReadOutcome<T>> subscriber) {
		this.upstream.subscribe(new Relay<>(subscriber, this.decoder));
	}

	private static final class Relay<T> implements Flow.Subscriber<ReadBatch>, Flow.Subscription {

		private final Flow.Subscriber<? super ReadOutcome<T>> downstream;

		private final Function<ReadBatch, List<ReadOutcome<T>>> decoder;

		private final Queue<ReadOutcome<T>> buffer = new ConcurrentLinkedQueue<>();

		private final AtomicLong demand = new AtomicLong();

		private final AtomicInteger work = new AtomicInteger();

		private final AtomicBoolean requested = new AtomicBoolean();

		private volatile Flow.@Nullable Subscription subscription;

		private volatile boolean done;

		private volatile boolean cancelled;

		private volatile @Nullable Throwable error;

		private boolean terminated;

		Relay(Flow.Subscriber<? super ReadOutcome<T>> downstream, Function<ReadBatch, List<ReadOutcome<T>>> decoder) {
			this.downstream = downstream;
			this.decoder = decoder;
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			this.subscription = subscription;
			this.downstream.onSubscribe(this);
		}

		@Override
		public void onNext(ReadBatch item) {
			if (this.done || this.cancelled) {
				return;
			}
			try {
				this.buffer.addAll(this.decoder.apply(item));
			}
			catch (RuntimeException ex) {
				cancelUpstream();
				this.error = ex;
				this.done = true;
			}
			this.requested.set(false);
			drain();
		}

		@Override
		public void onError(Throwable throwable) {
			this.error = throwable;
			this.done = true;
			drain();
		}

		@Override
		public void onComplete() {
			this.done = true;
			drain();
		}

		@Override
		public void request(long n) {
			if (n <= 0) {
				cancelUpstream();
				this.error = new IllegalArgumentException("Requested " + n + " items; demand must be positive");
				this.done = true;
			}
			else {
				this.demand.accumulateAndGet(n, (a, b) -> (a + b < 0) ? Long.MAX_VALUE : a + b);
			}
			drain();
		}

		@Override
		public void cancel() {
			this.cancelled = true;
			cancelUpstream();
		}

		private void cancelUpstream() {
			Flow.Subscription upstream = this.subscription;
			if (upstream != null) {
				upstream.cancel();
			}
		}

		private void drain() {
			if (this.work.getAndIncrement() != 0) {
				return;
			}
			do {
				while (!this.cancelled && !this.terminated) {
					if (this.demand.get() > 0 && !this.buffer.isEmpty()) {
						this.demand.decrementAndGet();
						this.downstream.onNext(this.buffer.poll());
					}
					else if (this.buffer.isEmpty() && this.done) {
						this.terminated = true;
						Throwable failure = this.error;
						if (failure != null) {
							this.downstream.onError(failure);
						}
						else {
							this.downstream.onComplete();
						}
					}
					else if (this.demand.get() > 0 && this.requested.compareAndSet(false, true)) {
						Flow.Subscription upstream = this.subscription;
						if (upstream != null) {
							upstream.request(1);
						}
					}
					else {
						break;
					}
				}
			}
			while (this.work.decrementAndGet() != 0);
		}

	}

}
