package io.github.s2spring.listener;

/**
 * Deals with messages the listener failed on for good, so that the container can move on:
 * publishes them to a dead-letter stream ({@link DeadLetterStreamRecoverer}), logs them,
 * stores them elsewhere.
 */
@FunctionalInterface
public interface S2MessageRecoverer {

	/**
	 * Recovers the messages of a failed delivery. Returns only once they are safe: the
	 * container commits past them next.
	 * @param failure the failed delivery
	 * @throws Exception if they could not be recovered; the container then stops
	 */
	void recover(S2FailedDelivery failure) throws Exception;

}
