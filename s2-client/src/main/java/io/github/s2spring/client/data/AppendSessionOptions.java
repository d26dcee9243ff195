package io.github.s2spring.client.data;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.protocol.limits.Limits;

/**
 * Options of an {@link AppendSession}.
 *
 * @param maxInflightBytes most metered bytes submitted but not yet acknowledged; at least
 * 1 MiB, default 5 MiB
 * @param maxInflightBatches most batches submitted but not yet acknowledged, at least 1
 * @param ackTimeout how long a sent batch may wait for its acknowledgement, or
 * {@code null} for the client's request timeout
 */
public record AppendSessionOptions(long maxInflightBytes, int maxInflightBatches, @Nullable Duration ackTimeout) {

	/** The default bound on unacknowledged metered bytes: 5 MiB. */
	public static final long DEFAULT_MAX_INFLIGHT_BYTES = 5L * 1024 * 1024;

	/** The default bound on unacknowledged batches. */
	public static final int DEFAULT_MAX_INFLIGHT_BATCHES = 1000;

	public AppendSessionOptions {
		if (maxInflightBytes < Limits.MAX_BATCH_METERED_BYTES) {
			throw new IllegalArgumentException("maxInflightBytes must be at least " + Limits.MAX_BATCH_METERED_BYTES
					+ ", got " + maxInflightBytes);
		}
		if (maxInflightBatches < 1) {
			throw new IllegalArgumentException("maxInflightBatches must be at least 1, got " + maxInflightBatches);
		}
		if (ackTimeout != null && (ackTimeout.isNegative() || ackTimeout.isZero())) {
			throw new IllegalArgumentException("ackTimeout must be positive, got " + ackTimeout);
		}
	}

	/**
	 * The defaults: 5 MiB, 1000 batches, the client's request timeout.
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
		return new AppendSessionOptions(bytes, this.maxInflightBatches, this.ackTimeout);
	}

	/**
	 * A copy with another bound on unacknowledged batches.
	 * @param batches the bound
	 * @return the options
	 */
	public AppendSessionOptions withMaxInflightBatches(int batches) {
		return new AppendSessionOptions(this.maxInflightBytes, batches, this.ackTimeout);
	}

	/**
	 * A copy with another acknowledgement timeout.
	 * @param timeout the timeout
	 * @return the options
	 */
	public AppendSessionOptions withAckTimeout(Duration timeout) {
		return new AppendSessionOptions(this.maxInflightBytes, this.maxInflightBatches, timeout);
	}

}
