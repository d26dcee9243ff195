package io.github.s2spring.core;

/**
 * A running programmatic listener; stop it when its messages are no longer wanted.
 */
public interface S2Subscription extends AutoCloseable {

	/**
	 * Stops the listener: no message is delivered after this returns. Idempotent.
	 */
	void stop();

	/**
	 * Whether the listener is running.
	 * @return whether running
	 */
	boolean isRunning();

	/**
	 * Same as {@link #stop()}.
	 */
	@Override
	default void close() {
		stop();
	}

}
