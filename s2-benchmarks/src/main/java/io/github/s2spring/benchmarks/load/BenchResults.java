package io.github.s2spring.benchmarks.load;

import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;

/**
 * Everything one run measured.
 *
 * @param workload the workload
 * @param rows the rows of the table
 * @param distributions latency distributions by scenario, then by driver
 * @param notes failures and remarks, one per line
 */
public record BenchResults(Workload workload, List<Measurement> rows, Map<String, Map<String, Histogram>> distributions,
		List<String> notes) {
}
