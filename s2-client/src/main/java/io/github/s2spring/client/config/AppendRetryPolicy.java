package io.github.s2spring.client.config;

/**
 * Which failed appends may be retried (resent).
 */
public enum AppendRetryPolicy {

	/**
	 * Retry every retryable failure. A batch whose acknowledgement was lost may then be
	 * appended twice; use {@code match_seq_num} or the dedupe pattern to prevent that.
	 */
	ALL,

	/**
	 * Retry only failures that guarantee the batch was not appended: errors whose code
	 * has no side effects, and connection failures before any byte was sent.
	 */
	NO_SIDE_EFFECTS

}
