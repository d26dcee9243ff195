package io.github.s2spring.client.internal.data;

import java.time.Duration;
import java.util.concurrent.Executor;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.client.error.S2Exception;
import io.github.s2spring.client.data.SessionEvent;
import io.github.s2spring.client.data.SessionListener;
import io.github.s2spring.client.data.SessionState.Phase;

/**
 * The phase, attempt, last failure and reconnect count of one session, readable from any
 * thread, and the publisher of its {@link SessionEvent}s: each change of phase is told to
 * the session's listener, on the session's serial delivery executor, in the order the
 * changes happened. Nothing is told after the session failed or closed.
 */
final class SessionMonitor {

	private final Executor delivery;

	private final @Nullable SessionListener listener;

	private Phase phase = Phase.IDLE;

	private int attempt;

	private @Nullable S2Exception lastFailure;

	private long reconnects;

	private boolean connectedBefore;

	SessionMonitor(Executor delivery, @Nullable SessionListener listener) {
		this.delivery = delivery;
		this.listener = listener;
	}

	synchronized void connecting(int attempt) {
		if (transition(Phase.CONNECTING)) {
			this.attempt = attempt;
			publish(new SessionEvent.Connecting(attempt));
		}
	}

	synchronized void connected() {
		if (transition(Phase.CONNECTED)) {
			if (this.connectedBefore) {
				this.reconnects++;
			}
			this.connectedBefore = true;
			publish(new SessionEvent.Connected(this.attempt));
		}
	}

	synchronized void reconnecting(int attempt, Duration delay, S2Exception cause) {
		if (transition(Phase.RECONNECTING)) {
			this.lastFailure = cause;
			publish(new SessionEvent.Reconnecting(attempt, delay, cause));
		}
	}

	/**
	 * An idle append session lost its stream; it connects again when there is work.
	 * @param cause why the stream ended
	 */
	synchronized void idle(S2Exception cause) {
		if (transition(Phase.IDLE)) {
			this.lastFailure = cause;
		}
	}

	synchronized void failed(S2Exception cause) {
		if (transition(Phase.FAILED)) {
			this.lastFailure = cause;
			publish(new SessionEvent.Failed(cause));
		}
	}

	synchronized void closed() {
		if (transition(Phase.CLOSED)) {
			publish(new SessionEvent.Closed());
		}
	}

	/**
	 * Tells an event at once, on the calling thread, which must be the session's delivery
	 * executor: for events that must stay in order with the records delivered there.
	 * @param event the event
	 */
	void tellNow(SessionEvent event) {
		SessionListener target = this.listener;
		if (target != null && !phase().isTerminal()) {
			target.onEvent(event);
		}
	}

	synchronized Phase phase() {
		return this.phase;
	}

	synchronized int attempt() {
		return this.attempt;
	}

	synchronized @Nullable S2Exception lastFailure() {
		return this.lastFailure;
	}

	synchronized long reconnects() {
		return this.reconnects;
	}

	private boolean transition(Phase next) {
		if (this.phase.isTerminal()) {
			return false;
		}
		this.phase = next;
		return true;
	}

	private void publish(SessionEvent event) {
		SessionListener target = this.listener;
		if (target != null) {
			this.delivery.execute(() -> target.onEvent(event));
		}
	}

}
