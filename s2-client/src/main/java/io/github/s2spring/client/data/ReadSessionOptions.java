package io.github.s2spring.client.data;

import java.time.Duration;
import java.util.concurrent.Executor;

import org.jspecify.annotations.Nullable;

/**
 * Options of a {@link ReadSession}: where its callbacks run, who hears its events, and
 * how long it may stay silent. Immutable: each {@code with} method returns a copy.
 * <p>
 * A read session's callbacks (the subscriber's {@code onNext}, {@code onError} and
 * {@code onComplete}, the blocking iterator's hand-off, and session events) run one at a
 * time and in order on its delivery executor: by default the client's delivery executor
 * ({@link io.github.s2spring.client.config.S2ClientConfig#deliveryExecutor()}). With
 * {@code deliverOnEventLoop} they run on the Netty event loop of the stream's origin
 * instead: one thread shared by every session to that origin, so a subscriber that blocks
 * there stalls every session of the client to that origin. Use it only for subscribers
 * that hand batches on at once.
 *
 * @param deliveryExecutor the executor of the callbacks, or {@code null} for the client's
 * delivery executor
 * @param deliverOnEventLoop whether callbacks run on the event loop (then
 * {@code deliveryExecutor} is not used)
 * @param listener told of the session's {@link SessionEvent}s, or {@code null}
 * @param heartbeatTimeout how long the session may receive nothing, not even a heartbeat,
 * before it reconnects, or {@code null} for the client's
 * {@link io.github.s2spring.client.config.S2ClientConfig#heartbeatTimeout()}
 */
public record ReadSessionOptions(@Nullable Executor deliveryExecutor, boolean deliverOnEventLoop,
		@Nullable SessionListener listener, @Nullable Duration heartbeatTimeout) {

	public ReadSessionOptions {
		if (heartbeatTimeout != null && (heartbeatTimeout.isNegative() || heartbeatTimeout.isZero())) {
			throw new IllegalArgumentException("heartbeatTimeout must be positive, got " + heartbeatTimeout);
		}
	}

	/**
	 * The defaults: the client's delivery executor, no listener, the client's heartbeat
	 * timeout.
	 * @return the options
	 */
	public static ReadSessionOptions defaults() {
		return new ReadSessionOptions(null, false, null, null);
	}

	/**
	 * A copy whose callbacks run on the given executor, one at a time and in order.
	 * @param executor the executor
	 * @return the options
	 */
	public ReadSessionOptions withDeliveryExecutor(Executor executor) {
		return new ReadSessionOptions(executor, false, this.listener, this.heartbeatTimeout);
	}

	/**
	 * A copy whose callbacks run on the Netty event loop: the thread shared by every
	 * session to the stream's origin. Only for subscribers that return at once.
	 * @return the options
	 */
	public ReadSessionOptions withDeliveryOnEventLoop() {
		return new ReadSessionOptions(null, true, this.listener, this.heartbeatTimeout);
	}

	/**
	 * A copy with a listener of the session's events.
	 * @param sessionListener the listener
	 * @return the options
	 */
	public ReadSessionOptions withListener(SessionListener sessionListener) {
		return new ReadSessionOptions(this.deliveryExecutor, this.deliverOnEventLoop, sessionListener,
				this.heartbeatTimeout);
	}

	/**
	 * A copy with another heartbeat timeout.
	 * @param timeout the timeout
	 * @return the options
	 */
	public ReadSessionOptions withHeartbeatTimeout(Duration timeout) {
		return new ReadSessionOptions(this.deliveryExecutor, this.deliverOnEventLoop, this.listener, timeout);
	}

}
