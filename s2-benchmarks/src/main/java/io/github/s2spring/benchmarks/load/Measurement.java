package io.github.s2spring.benchmarks.load;

import org.jspecify.annotations.Nullable;

/**
 * One row of the report: a metric of a scenario measured for the Java SDK, the raw
 * reference, the TypeScript SDK and the Spring layer. A missing value means the driver
 * does not take part in that row.
 *
 * @param scenario the scenario
 * @param metric what was measured, with its unit
 * @param higherIsBetter whether a larger value is better (throughput) or worse (latency)
 * @param java the Java SDK's value
 * @param raw the raw reference's value
 * @param ts the TypeScript SDK's value
 * @param spring the Spring layer's value ({@code S2Template} and its listeners)
 */
public record Measurement(String scenario, String metric, boolean higherIsBetter, @Nullable Double java,
		@Nullable Double raw, @Nullable Double ts, @Nullable Double spring) {

	/**
	 * java / raw, or {@code null} when either is missing or raw is zero.
	 * @return the ratio
	 */
	public @Nullable Double javaOverRaw() {
		return ratio(this.java, this.raw);
	}

	/**
	 * java / ts, or {@code null} when either is missing or ts is zero.
	 * @return the ratio
	 */
	public @Nullable Double javaOverTs() {
		return ratio(this.java, this.ts);
	}

	/**
	 * spring / raw, or {@code null} when either is missing or raw is zero.
	 * @return the ratio
	 */
	public @Nullable Double springOverRaw() {
		return ratio(this.spring, this.raw);
	}

	private static @Nullable Double ratio(@Nullable Double a, @Nullable Double b) {
		return (a == null || b == null || b == 0) ? null : a / b;
	}

}
