package io.github.s2spring.listener;

/**
 * Commits the position after the message (or batch) being processed. With
 * {@link AckMode#MANUAL} only acknowledged positions are committed; in the other modes
 * the container commits on its own and acknowledging changes nothing.
 * <p>
 * A listener method receives it as an argument; it is valid until the method returns.
 */
@FunctionalInterface
public interface Acknowledgment {

	/**
	 * Marks the message (or batch) being processed, and every message before it, as done:
	 * its position is committed once the listener returned.
	 */
	void acknowledge();

}
