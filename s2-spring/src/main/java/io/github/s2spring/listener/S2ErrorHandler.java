package io.github.s2spring.listener;

import java.time.Duration;

/**
 * Decides what follows a failed delivery: deliver the same messages again after a delay,
 * move on because the messages were recovered (for example published to a dead-letter
 * stream), or stop the container. Delays never hold a thread: the container schedules the
 * next attempt, and a container that stops cancels it.
 *
 * @see DefaultS2ErrorHandler
 */
@FunctionalInterface
public interface S2ErrorHandler {

	/**
	 * Handles a failed delivery. Called on the stream's delivery thread; may block while
	 * recovering (publishing to a dead-letter stream).
	 * @param failure the failed delivery, the same object for every attempt at the same
	 * messages
	 * @return what to do next
	 */
	Decision handle(S2FailedDelivery failure);

	/**
	 * What follows a failed delivery.
	 *
	 * @param action the action
	 * @param delay the delay before the next attempt, for {@link Action#RETRY}
	 */
	record Decision(Action action, Duration delay) {

		private static final Decision RECOVERED = new Decision(Action.RECOVERED, Duration.ZERO);

		private static final Decision STOP = new Decision(Action.STOP, Duration.ZERO);

		public Decision {
			if (delay.isNegative()) {
				throw new IllegalArgumentException("delay must not be negative");
			}
		}

		/**
		 * Deliver the same messages again.
		 * @param delay how long to wait first
		 * @return the decision
		 */
		public static Decision retry(Duration delay) {
			return new Decision(Action.RETRY, delay);
		}

		/**
		 * The messages were dealt with: commit past them and go on.
		 * @return the decision
		 */
		public static Decision recovered() {
			return RECOVERED;
		}

		/**
		 * Stop the container without committing past the messages.
		 * @return the decision
		 */
		public static Decision stop() {
			return STOP;
		}

	}

	/**
	 * Kinds of {@link Decision}.
	 */
	enum Action {

		/** Deliver the same messages again after a delay. */
		RETRY,

		/** The messages were recovered: go on with the next ones. */
		RECOVERED,

		/** Stop the container; the messages are delivered again when it restarts. */
		STOP

	}

}
