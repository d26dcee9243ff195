package io.github.s2spring.core;

/**
 * The appenders of a basin taken together: what is pending now, and what they did since
 * the registry started. The counters never decrease: appenders that closed (idle, failed
 * or stopped) keep counting, so they suit monotonic meters.
 *
 * @param appenders the appenders open now
 * @param pendingSends sends waiting or in flight (not yet acknowledged), now
 * @param inflightBytes metered bytes sent and not yet acknowledged, now
 * @param reconnects reconnects of the basin's appenders since the registry started
 * @param sent messages acknowledged since the registry started
 * @param failed messages failed since the registry started
 */
public record S2AppenderTotals(int appenders, long pendingSends, long inflightBytes, long reconnects, long sent,
		long failed) {

}
