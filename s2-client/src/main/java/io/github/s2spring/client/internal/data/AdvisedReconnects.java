package io.github.s2spring.client.internal.data;

import java.util.concurrent.TimeUnit;

/**
 * Decides whether a session acts on a server's advice to reconnect (the {@code 0x10} flag
 * of a draining server): after acting on advice, further advice within a minute is
 * declined, as in the official SDKs. Declined advice leaves the session on its stream
 * until the server ends it, so that a server that keeps advising cannot make a session
 * reconnect in a loop. Used on the session's event loop only.
 */
final class AdvisedReconnects {

	/** Advised reconnects acted on within one window. */
	static final int MAX_PER_WINDOW = 1;

	/** How long after an advised reconnect further advice is declined. */
	static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(60);

	private int count;

	private long lastNanos;

	private boolean any;

	/**
	 * Whether to act on advice that arrives now; if so, it is counted.
	 * @param nowNanos the current {@link System#nanoTime()}
	 * @return whether to reconnect
	 */
	boolean tryReconnect(long nowNanos) {
		boolean recent = this.any && nowNanos - this.lastNanos <= WINDOW_NANOS;
		if (recent && this.count >= MAX_PER_WINDOW) {
			return false;
		}
		this.count = recent ? this.count + 1 : 1;
		this.lastNanos = nowNanos;
		this.any = true;
		return true;
	}

}
