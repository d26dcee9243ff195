package io.github.s2spring.listener;

/**
 * What a listener container did since it was created, over every stream it read, and its
 * current lag. The counters never decrease: streams that stop being read (a stopped
 * container, a stream no longer listed by a prefix listener) keep counting, so they suit
 * monotonic meters.
 *
 * @param messagesDelivered messages the listener processed
 * @param recordsDelivered records received
 * @param bytesDelivered metered bytes received
 * @param reconnects reconnections made
 * @param errors failed deliveries, dropped frames, failed commits and failed sessions
 * @param recovered messages handed to the recoverer (published to the dead-letter stream)
 * @param lag records between the position and the tail seen, summed over the streams read
 * now
 */
public record S2ListenerTotals(long messagesDelivered, long recordsDelivered, long bytesDelivered, long reconnects,
		long errors, long recovered, long lag) {

}
