package io.github.s2spring.core;

import java.time.Duration;

/**
 * How the template's per-stream appenders behave.
 *
 * @param maxQueueSize most sends of one stream that may be pending (sent and not yet
 * acknowledged); beyond it sends fail at once with {@link S2OverloadedException}
 * @param linger how long an appender may wait to fill a batch while another batch of the
 * stream is in flight; zero sends at once and batches only what queued meanwhile
 * @param idleTimeout how long an appender stays open without sends before it closes its
 * session
 * @param createStreams whether an appender creates its stream if it does not exist
 * @param closeTimeout how long stopping waits for pending sends to be acknowledged
 */
public record S2AppenderOptions(int maxQueueSize, Duration linger, Duration idleTimeout, boolean createStreams,
		Duration closeTimeout) {

	public S2AppenderOptions {
		if (maxQueueSize < 1) {
			throw new IllegalArgumentException("maxQueueSize must be at least 1, got " + maxQueueSize);
		}
		if (linger.isNegative()) {
			throw new IllegalArgumentException("linger must not be negative, got " + linger);
		}
		if (idleTimeout.isNegative() || idleTimeout.isZero()) {
			throw new IllegalArgumentException("idleTimeout must be positive, got " + idleTimeout);
		}
		if (closeTimeout.isNegative()) {
			throw new IllegalArgumentException("closeTimeout must not be negative, got " + closeTimeout);
		}
	}

	/**
	 * The defaults: 1000 pending sends, no linger, 60 s idle timeout, streams not
	 * created, 10 s to flush on stop.
	 * @return the options
	 */
	public static S2AppenderOptions defaults() {
		return new S2AppenderOptions(1000, Duration.ZERO, Duration.ofSeconds(60), false, Duration.ofSeconds(10));
	}

	/**
	 * A copy with another queue bound.
	 * @param maxQueueSize the bound
	 * @return the options
	 */
	public S2AppenderOptions withMaxQueueSize(int maxQueueSize) {
		return new S2AppenderOptions(maxQueueSize, this.linger, this.idleTimeout, this.createStreams,
				this.closeTimeout);
	}

	/**
	 * A copy with another linger.
	 * @param linger the linger
	 * @return the options
	 */
	public S2AppenderOptions withLinger(Duration linger) {
		return new S2AppenderOptions(this.maxQueueSize, linger, this.idleTimeout, this.createStreams,
				this.closeTimeout);
	}

	/**
	 * A copy with another idle timeout.
	 * @param idleTimeout the timeout
	 * @return the options
	 */
	public S2AppenderOptions withIdleTimeout(Duration idleTimeout) {
		return new S2AppenderOptions(this.maxQueueSize, this.linger, idleTimeout, this.createStreams,
				this.closeTimeout);
	}

	/**
	 * A copy that creates missing streams, or not.
	 * @param createStreams whether to create them
	 * @return the options
	 */
	public S2AppenderOptions withCreateStreams(boolean createStreams) {
		return new S2AppenderOptions(this.maxQueueSize, this.linger, this.idleTimeout, createStreams,
				this.closeTimeout);
	}

	/**
	 * A copy with another close timeout.
	 * @param closeTimeout the timeout
	 * @return the options
	 */
	public S2AppenderOptions withCloseTimeout(Duration closeTimeout) {
		return new S2AppenderOptions(this.maxQueueSize, this.linger, this.idleTimeout, this.createStreams,
				closeTimeout);
	}

}
