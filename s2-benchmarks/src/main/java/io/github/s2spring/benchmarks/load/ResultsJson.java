package io.github.s2spring.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the results as JSON: the machine, the workload, every row and the latency
 * percentiles.
 */
final class ResultsJson {

	private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private ResultsJson() {
	}

	static void write(BenchResults results, Path file) throws IOException {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("timestamp", Instant.now().toString());
		json.put("machine", machine());
		json.put("workload", results.workload());
		json.put("rows", results.rows());
		Map<String, Object> distributions = new LinkedHashMap<>();
		results.distributions().forEach((scenario, drivers) -> {
			Map<String, Object> byDriver = new LinkedHashMap<>();
			drivers.forEach((driver, histogram) -> byDriver.put(driver, percentiles(histogram)));
			distributions.put(scenario, byDriver);
		});
		json.put("latencyMicros", distributions);
		json.put("notes", results.notes());
		Files.writeString(file, MAPPER.writeValueAsString(json));
	}

	static Map<String, Object> machine() {
		Map<String, Object> machine = new LinkedHashMap<>();
		machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
		machine.put("arch", System.getProperty("os.arch"));
		machine.put("cpus", Runtime.getRuntime().availableProcessors());
		machine.put("maxHeapMib", Runtime.getRuntime().maxMemory() >> 20);
		machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
		return machine;
	}

	private static Map<String, Object> percentiles(Histogram histogram) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("count", histogram.getTotalCount());
		List<Double> points = new ArrayList<>(List.of(50.0, 90.0, 99.0, 99.9, 99.99, 100.0));
		for (double percentile : points) {
			values.put("p" + percentile, histogram.getValueAtPercentile(percentile));
		}
		return values;
	}

}
