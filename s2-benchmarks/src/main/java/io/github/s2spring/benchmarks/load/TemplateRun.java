package io.github.s2spring.benchmarks.load;

import org.HdrHistogram.Histogram;

/**
 * What one round of the template throughput scenario measured.
 *
 * @param acknowledged messages acknowledged, their JSON bytes, the time until the last
 * acknowledgement and the CPU time
 * @param latencies send to acknowledgement of every acknowledged message, in microseconds
 * @param overloaded sends refused with {@code S2OverloadedException}
 */
record TemplateRun(Throughput acknowledged, Histogram latencies, long overloaded) {

	/**
	 * This round with more CPU time added.
	 * @param cpuNanos CPU time used in this JVM while it ran
	 * @return the round
	 */
	TemplateRun withCpu(long cpuNanos) {
		return new TemplateRun(this.acknowledged.withCpu(cpuNanos), this.latencies, this.overloaded);
	}

	/**
	 * The sum of two rounds run one after the other.
	 * @param other the other round
	 * @return throughput and overloads added up, latencies merged
	 */
	TemplateRun plus(TemplateRun other) {
		Histogram merged = this.latencies.copy();
		merged.add(other.latencies);
		return new TemplateRun(this.acknowledged.plus(other.acknowledged), merged, this.overloaded + other.overloaded);
	}

}
