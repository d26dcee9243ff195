package io.github.s2spring.benchmarks.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntSupplier;

import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * Runs every scenario with every driver against one server, in one process, and collects
 * the rows of the report and the latency distributions of the chart.
 */
public final class LoadHarness {

	private final BenchServer server;

	private final String basin;

	private final List<Driver> drivers;

	private final Workload workload;

	private final List<Measurement> rows = new ArrayList<>();

	private final Map<String, Map<String, Histogram>> distributions = new LinkedHashMap<>();

	private final List<String> notes = new ArrayList<>();

	private final String runId = UUID.randomUUID().toString().substring(0, 8);

	private final Set<Integer> scenarios;

	LoadHarness(BenchServer server, String basin, List<Driver> drivers, Workload workload, Set<Integer> scenarios) {
		this.scenarios = scenarios;
		this.server = server;
		this.basin = basin;
		this.drivers = drivers;
		this.workload = workload;
	}

	/**
	 * Runs every scenario.
	 * @return the results
	 */
	BenchResults run() {
		warmUp();
		if (selected(1)) {
			appendThroughput();
		}
		if (selected(2)) {
			latency("append ack latency", "ack", Driver::ackLatency);
		}
		if (selected(3)) {
			latency("append to read latency", "e2e", Driver::endToEndLatency);
		}
		if (selected(4)) {
			catchUpRead();
		}
		if (selected(5)) {
			scale();
		}
		if (selected(6)) {
			patterns();
		}
		return new BenchResults(this.workload, this.rows, this.distributions, this.notes);
	}

	/**
	 * Runs a short append and read through every driver before anything is measured, so
	 * that no column pays for the JIT warm-up of the server or of the code they share.
	 */
	private void warmUp() {
		Workload warm = new Workload(this.workload.recordBytes(), this.workload.batchRecords(),
				this.workload.duration().dividedBy(4), this.workload.ratePerSecond(), this.workload.catchUpRecords(),
				this.workload.streams(), this.workload.messageBytes());
		for (int round = 0; round < 1; round++) {
			for (Driver driver : this.drivers) {
				String stream = "warmup-" + round + "-" + driver.name() + "-" + this.runId;
				Throughput appended = attempt(driver, "warm-up", () -> driver.appendThroughput(stream, warm));
				if (appended != null) {
					int records = (int) Math.min(appended.records(), this.workload.catchUpRecords());
					attempt(driver, "warm-up read", () -> driver.catchUpRead(stream, records));
				}
				this.server.deleteStream(this.basin, stream);
			}
		}
		this.notes.clear();
	}

	private boolean selected(int scenario) {
		return this.scenarios.isEmpty() || this.scenarios.contains(scenario);
	}

	private void appendThroughput() {
		String scenario = "1. append throughput (" + this.workload.recordBytes() + " B records, "
				+ this.workload.batchRecords() + "/batch)";
		Map<String, Double> mib = new LinkedHashMap<>();
		Map<String, Double> verified = new LinkedHashMap<>();
		for (Driver driver : this.drivers) {
			String stream = stream("append", driver);
			Throughput result = attempt(driver, scenario, () -> driver.appendThroughput(stream, this.workload));
			if (result != null) {
				mib.put(driver.name(), result.mibPerSecond());
				Long count = attempt(driver, scenario + " integrity",
						() -> Integrity.verify(this.server.baseUrl(), this.basin, stream, result.records()));
				if (count != null) {
					verified.put(driver.name(), (double) count);
				}
				this.server.deleteStream(this.basin, stream);
			}
		}
		add(scenario, "MiB/s", true, mib);
		add(scenario, "records read back once, in order", true, verified);
	}

	private void latency(String name, String key, LatencyScenario run) {
		String scenario = (key.equals("ack") ? "2. " : "3. ") + name + " (" + this.workload.ratePerSecond()
				+ " batches/s)";
		Map<String, Histogram> histograms = new LinkedHashMap<>();
		for (Driver driver : this.drivers) {
			Histogram histogram = attempt(driver, scenario,
					() -> run.measure(driver, stream(key, driver), this.workload));
			if (histogram != null) {
				histograms.put(driver.name(), histogram);
			}
		}
		this.distributions.put(name, histograms);
		for (double percentile : new double[] { 50, 99, 99.9 }) {
			Map<String, Double> values = new LinkedHashMap<>();
			histograms.forEach(
					(driver, histogram) -> values.put(driver, histogram.getValueAtPercentile(percentile) / 1000.0));
			add(scenario, "p" + (percentile == 99.9 ? "99.9" : String.valueOf((int) percentile)) + " ms", false,
					values);
		}
	}

	private void catchUpRead() {
		String scenario = "4. catch-up read (" + this.workload.catchUpRecords() + " records)";
		String stream = "catchup-" + this.runId;
		Long filled = attempt(this.drivers.get(0), scenario + " fill", () -> Fill.records(this.server.baseUrl(),
				this.basin, stream, this.workload.catchUpRecords(), this.workload));
		Map<String, Double> mib = new LinkedHashMap<>();
		if (filled != null) {
			int records = (int) Math.min(filled, this.workload.catchUpRecords());
			for (Driver driver : this.drivers) {
				Throughput result = attempt(driver, scenario, () -> driver.catchUpRead(stream, records));
				if (result != null) {
					mib.put(driver.name(), result.mibPerSecond());
				}
			}
		}
		this.server.deleteStream(this.basin, stream);
		add(scenario, "MiB/s", true, mib);
	}

	private void scale() {
		String scenario = "5. scale (" + this.workload.streams() + " streams, append + read session each)";
		Map<String, Double> connections = new LinkedHashMap<>();
		Map<String, Double> heap = new LinkedHashMap<>();
		Map<String, Double> threads = new LinkedHashMap<>();
		IntSupplier counter = this.server.connectionCounter();
		for (Driver driver : this.drivers) {
			IntSupplier held = (counter != null) ? counter : () -> -1;
			ScaleResult result = attempt(driver, scenario,
					() -> driver.scale("scale-" + driver.name() + "-" + this.runId + "-", this.workload, held));
			if (result != null) {
				if (result.connections() >= 0) {
					connections.put(driver.name(), (double) result.connections());
				}
				heap.put(driver.name(), result.heapMib());
				threads.put(driver.name(), (double) result.threads());
			}
		}
		add(scenario, "TCP connections (counted by the server)", false, connections);
		add(scenario, "heap held by the sessions after GC, MiB", false, heap);
		add(scenario, "threads", false, threads);
	}

	private void patterns() {
		String scenario = "6. one " + (this.workload.messageBytes() >> 20) + " MiB message through patterns";
		Map<String, Double> mib = new LinkedHashMap<>();
		for (Driver driver : this.drivers) {
			Throughput result = attempt(driver, scenario,
					() -> driver.patternsRoundTrip(stream("patterns", driver), this.workload));
			if (result != null) {
				mib.put(driver.name(), result.mibPerSecond());
			}
			this.server.deleteStream(this.basin, stream("patterns", driver));
		}
		add(scenario, "MiB/s written and reassembled", true, mib);
	}

	private String stream(String scenario, Driver driver) {
		return scenario + "-" + driver.name() + "-" + this.runId;
	}

	private void add(String scenario, String metric, boolean higherIsBetter, Map<String, Double> values) {
		this.rows.add(new Measurement(scenario, metric, higherIsBetter, values.get("java"), values.get("raw"),
				values.get("ts")));
	}

	private <T> @Nullable T attempt(Driver driver, String scenario, Step<T> step) {
		long start = System.nanoTime();
		try {
			return step.run();
		}
		catch (Exception ex) {
			String note = driver.name() + " failed in " + scenario + ": " + ex;
			this.notes.add(note);
			System.err.println(note);
			return null;
		}
		finally {
			System.err.printf("  %s: %s took %.1f s%n", scenario, driver.name(), (System.nanoTime() - start) / 1e9);
		}
	}

	@FunctionalInterface
	private interface Step<T> {

		@Nullable T run() throws Exception;

	}

	@FunctionalInterface
	private interface LatencyScenario {

		Histogram measure(Driver driver, String stream, Workload workload) throws Exception;

	}

}
