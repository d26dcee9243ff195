package io.github.s2spring.core;

/**
 * A programmatic listener that runs until it is stopped, such as one per connected
 * browser: cheap to create and to stop.
 */
public interface S2Subscription extends AutoCloseable {

	/**
	 * Stops the listener: the message being processed finishes, then reading stops.
	 * Idempotent.
	 */
	void stop();

	/**
	 * Whether the listener runs.
	 * @return whether it runs
	 */
	boolean isRunning();

	/**
	 * Stops the listener, as {@link #stop()}.
	 */
	@Override
	default void close() {
		stop();
	}

}
