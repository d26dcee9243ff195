package io.github.s2spring.benchmarks.load;

import java.util.LinkedHashMap;

import io.github.s2spring.support.S2MessageConverter;

/**
 * The message of the Spring scenarios: a small record that the template's converter
 * writes as JSON, padded to the workload's record size, carrying its index and its send
 * time so that a listener can measure its latency.
 *
 * @param index the message's index in the scenario, or -1 for a probe
 * @param sentAt the intended send time, in {@link System#nanoTime()} units
 * @param text padding
 */
public record BenchMessage(long index, long sentAt, String text) {

	/**
	 * Padding that makes a message of this scenario {@code bytes} long as JSON (to within
	 * the few digits by which indexes and send times differ).
	 * @param converter the converter that will write the messages
	 * @param bytes the JSON size wanted
	 * @return the padding, possibly empty
	 */
	static String padding(S2MessageConverter converter, int bytes) {
		BenchMessage typical = new BenchMessage(1_000_000, System.nanoTime(), "");
		int overhead = converter.toBytes(typical, new LinkedHashMap<>()).length;
		return "x".repeat(Math.max(0, bytes - overhead));
	}

}
