package io.github.s2spring.embedded.http;

/**
 * An open session that a shutting-down server asks to wind down: it tells its client to
 * reconnect elsewhere (the S2S reconnect-advised flag) and ends.
 */
@FunctionalInterface
public interface Drainable {

	/**
	 * Starts draining. Called once, from any thread.
	 */
	void drain();

}
