package io.github.s2spring.client.data;

import java.time.Duration;
import java.util.concurrent.Executor;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.protocol.limits.Limits;

/**
 * Options of an {@link AppendSession}. Immutable: each {@code with} method returns a
 * copy.
 * <p>
 * Admission is bounded: a batch is admitted while the session's unacknowledged batches
 * and metered bytes stay within {@code maxInflightBatches} and {@code maxInflightBytes};
 * up to {@code maxQueuedBatches} more wait for room, and beyond that
 * {@link AppendSession#submit} fails at once with an
 * {@link io.github.s2spring.client.error.OverloadedException}.
 * <p>
 * Acknowledgements complete (and so the stages that depend on them run), one at a time
 * and in order, on the completion executor: by default the client's delivery executor
 * ({@link io.github.s2spring.client.config.S2ClientConfig#deliveryExecutor()}). With
 * {@code completeOnEventLoop} they complete on the Netty event loop of the stream's
 * origin instead: one thread shared by every session to that origin, so a slow stage then
 * delays every one of them. Use it only for stages that return at once.
 *
 * @param maxInflightBytes most metered bytes admitted but not yet acknowledged; at least
 * 1 MiB, default 5 MiB
 * @param maxInflightBatches most batches admitted but not yet acknowledged, at least 1,
 * default 1000
 * @param maxQueuedBatches most batches waiting for admission, at least 0, default 1000
 * @param ackTimeout how long a sent batch may wait for its acknowledgement, or
 * {@code null} for the client's request timeout
 * @param completionExecutor the executor of acknowledgements and events, or {@code null}
 * for the client's delivery executor
 * @param completeOnEventLoop whether acknowledgements and events complete on the event
 * loop (then {@code completionExecutor} is not used)
 * @param listener told of the session's {@link SessionEvent}s, or {@code null}
 */
public record AppendSessionOptions(long maxInflightBytes, int maxInflightBatches, int maxQueuedBatches,
		@Nullable Duration ackTimeout, @Nullable Executor completionExecutor, boolean completeOnEventLoop,
		@Nullable SessionListener listener) {

	/** The default bound on unacknowledged metered bytes: 5 MiB. */
	public static final long DEFAULT_MAX_INFLIGHT_BYTES = 5L * 1024 * 1024;

	/** The default bound on unacknowledged batches. */
	public static final int DEFAULT_MAX_INFLIGHT_BATCHES = 1000;

	/** The default bound on batches waiting for admission. */
	public static final int DEFAULT_MAX_QUEUED_BATCHES = 1000;

	public AppendSessionOptions {
		if (maxInflightBytes < Limits.MAX_BATCH_METERED_BYTES) {
			throw new IllegalArgumentException("maxInflightBytes must be at least " + Limits.MAX_BATCH_METERED_BYTES
					+ ", got " + maxInflightBytes);
		}
		if (maxInflightBatches < 1) {
			throw new IllegalArgumentException("maxInflightBatches must be at least 1, got " + maxInflightBatches);
		}
		if (maxQueuedBatches < 0) {
			throw new IllegalArgumentException("maxQueuedBatches must be at least 0, got " + maxQueuedBatches);
		}
		if (ackTimeout != null && (ackTimeout.isNegative() || ackTimeout.isZero())) {
			throw new IllegalArgumentException("ackTimeout must be positive, got " + ackTimeout);
		}
	}

	/**
	 * Options with the given bounds and defaults for the rest.
	 * @param maxInflightBytes most unacknowledged metered bytes
	 * @param maxInflightBatches most unacknowledged batches
	 * @param ackTimeout the acknowledgement timeout, or {@code null}
	 */
	public AppendSessionOptions(long maxInflightBytes, int maxInflightBatches, @Nullable Duration ackTimeout) {
		this(maxInflightBytes, maxInflightBatches, DEFAULT_MAX_QUEUED_BATCHES, ackTimeout, null, false, null);
	}

	/**
	 * The defaults: 5 MiB and 1000 batches in flight, 1000 waiting, the client's request
	 * timeout, the client's delivery executor, no listener.
	 * @return the options
	 */
	public static AppendSessionOptions defaults() {
		return new AppendSessionOptions(DEFAULT_MAX_INFLIGHT_BYTES, DEFAULT_MAX_INFLIGHT_BATCHES, null);
	}

	/**
	 * A copy with another bound on unacknowledged bytes.
	 * @param bytes the bound
	 * @return the options
	 */
	public AppendSessionOptions withMaxInflightBytes(long bytes) {
		return new AppendSessionOptions(bytes, this.maxInflightBatches, this.maxQueuedBatches, this.ackTimeout,
				this.completionExecutor, this.completeOnEventLoop, this.listener);
	}

	/**
	 * A copy with another bound on unacknowledged batches.
	 * @param batches the bound
	 * @return the options
	 */
	public AppendSessionOptions withMaxInflightBatches(int batches) {
		return new AppendSessionOptions(this.maxInflightBytes, batches, this.maxQueuedBatches, this.ackTimeout,
				this.completionExecutor, this.completeOnEventLoop, this.listener);
	}

	/**
	 * A copy with another bound on batches waiting for admission.
	 * @param batches the bound; 0 refuses every batch that cannot be admitted at once
	 * @return the options
	 */
	public AppendSessionOptions withMaxQueuedBatches(int batches) {
		return new AppendSessionOptions(this.maxInflightBytes, this.maxInflightBatches, batches, this.ackTimeout,
				this.completionExecutor, this.completeOnEventLoop, this.listener);
	}

	/**
	 * A copy with another acknowledgement timeout.
	 * @param timeout the timeout
	 * @return the options
	 */
	public AppendSessionOptions withAckTimeout(Duration timeout) {
		return new AppendSessionOptions(this.maxInflightBytes, this.maxInflightBatches, this.maxQueuedBatches, timeout,
				this.completionExecutor, this.completeOnEventLoop, this.listener);
	}

	/**
	 * A copy whose acknowledgements and events complete on the given executor, one at a
	 * time and in order.
	 * @param executor the executor
	 * @return the options
	 */
	public AppendSessionOptions withCompletionExecutor(Executor executor) {
		return new AppendSessionOptions(this.maxInflightBytes, this.maxInflightBatches, this.maxQueuedBatches,
				this.ackTimeout, executor, false, this.listener);
	}

	/**
	 * A copy whose acknowledgements and events complete on the Netty event loop: the
	 * thread shared by every session to the stream's origin. Only for stages that return
	 * at once.
	 * @return the options
	 */
	public AppendSessionOptions withCompletionOnEventLoop() {
		return new AppendSessionOptions(this.maxInflightBytes, this.maxInflightBatches, this.maxQueuedBatches,
				this.ackTimeout, null, true, this.listener);
	}

	/**
	 * A copy with a listener of the session's events.
	 * @param sessionListener the listener
	 * @return the options
	 */
	public AppendSessionOptions withListener(SessionListener sessionListener) {
		return new AppendSessionOptions(this.maxInflightBytes, this.maxInflightBatches, this.maxQueuedBatches,
				this.ackTimeout, this.completionExecutor, this.completeOnEventLoop, sessionListener);
	}

}
