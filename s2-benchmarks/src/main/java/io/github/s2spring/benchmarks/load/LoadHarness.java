package io.github.s2spring.benchmarks.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
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
 * the rows of the report and the latency distributions of the chart. Scenarios 7 and 8
 * measure the Spring layer against the Java SDK and the raw reference.
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

	private final @Nullable SpringDriver spring;

	LoadHarness(BenchServer server, String basin, List<Driver> drivers, @Nullable SpringDriver spring,
			Workload workload, Set<Integer> scenarios) {
		this.spring = spring;
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
		if (selected(7)) {
			templateThroughput();
		}
		if (selected(8)) {
			listenerLatency();
		}
		return new BenchResults(this.workload, this.rows, this.distributions, this.notes);
	}

	/**
	 * Runs unmeasured rounds of scenario 1 (append, read back, delete) and a catch-up
	 * read through every driver before anything is measured, so that no column pays for
	 * the JIT warm-up of the server or of the code the drivers share.
	 */
	private void warmUp() {
		Workload round = this.workload
			.withDuration(this.workload.duration().dividedBy(this.workload.throughputRounds()));
		for (int r = 0; r < this.workload.warmUpRounds(); r++) {
			for (Driver driver : this.drivers) {
				appendRound(driver, "warm-up", "warmup" + r, round);
			}
		}
		for (Driver driver : this.drivers) {
			String stream = stream("warmup-read", driver);
			Throughput appended = attempt(driver, "warm-up", () -> driver.appendThroughput(stream, round));
			if (appended != null) {
				int records = (int) Math.min(appended.records(), this.workload.catchUpRecords());
				attempt(driver, "warm-up read", () -> driver.catchUpRead(stream, records));
			}
			this.server.deleteStream(this.basin, stream);
		}
		this.notes.clear();
	}

	private boolean selected(int scenario) {
		return this.scenarios.isEmpty() || this.scenarios.contains(scenario);
	}

	/**
	 * Scenario 1 in interleaved rounds: every round gives each driver a fresh stream for
	 * an equal share of the duration, checks it and deletes it. Interleaving spreads JIT
	 * and GC drift evenly over the columns, and deleting every round bounds the records
	 * an in-memory server holds.
	 */
	private void appendThroughput() {
		String scenario = "1. append throughput (" + this.workload.recordBytes() + " B records, "
				+ this.workload.batchRecords() + "/batch)";
		int rounds = this.workload.throughputRounds();
		Workload round = this.workload.withDuration(this.workload.duration().dividedBy(rounds));
		Map<String, Throughput> appended = new LinkedHashMap<>();
		Map<String, Long> verified = new LinkedHashMap<>();
		Set<String> failed = new HashSet<>();
		for (int r = 0; r < rounds; r++) {
			for (Driver driver : rotated(r)) {
				if (failed.contains(driver.name())) {
					continue;
				}
				Round result = appendRound(driver, scenario + " round " + (r + 1) + "/" + rounds, "append" + r, round);
				if (result.appended() == null || result.verified() == null) {
					failed.add(driver.name());
					continue;
				}
				appended.merge(driver.name(), result.appended(), Throughput::plus);
				verified.merge(driver.name(), result.verified(), Long::sum);
			}
		}
		failed.forEach(appended::remove);
		failed.forEach(verified::remove);
		Map<String, Double> mib = new LinkedHashMap<>();
		Map<String, Double> records = new LinkedHashMap<>();
		Map<String, Double> cpu = new LinkedHashMap<>();
		appended.forEach((driver, total) -> {
			mib.put(driver, total.mibPerSecond());
			records.put(driver, (double) verified.get(driver));
			cpu.put(driver, total.cpuSecondsPerGib());
		});
		add(scenario, "MiB/s", true, mib);
		add(scenario, "records read back once, in order", true, records);
		add(scenario, "CPU s per GiB (driver + server)", false, cpu);
	}

	/**
	 * The drivers in the order of round {@code r}: each round starts with the next one,
	 * so that no driver always runs first (right after the JIT was busy with another).
	 */
	private List<Driver> rotated(int r) {
		List<Driver> order = new ArrayList<>(this.drivers);
		Collections.rotate(order, -(r % Math.max(1, order.size())));
		return order;
	}

	/**
	 * One driver's share of a round of scenario 1: appends to a fresh stream, reads every
	 * record back, deletes the stream.
	 */
	private Round appendRound(Driver driver, String label, String tag, Workload round) {
		String stream = stream(tag, driver);
		Throughput appended = attempt(driver, label, () -> {
			long cpu = ProcessStats.cpuNanos();
			Throughput measured = driver.appendThroughput(stream, round);
			return measured.withCpu(ProcessStats.cpuNanos() - cpu);
		});
		Long verified = null;
		if (appended != null) {
			System.err.printf("    %s: %.0f MiB/s%n", driver.name(), appended.mibPerSecond());
			verified = attempt(driver, label + " integrity",
					() -> Integrity.verify(this.server.baseUrl(), this.basin, stream, appended.records()));
		}
		this.server.deleteStream(this.basin, stream);
		return new Round(appended, verified);
	}

	private record Round(@Nullable Throughput appended, @Nullable Long verified) {
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
		addLatencies(scenario, name, histograms);
	}

	/**
	 * Scenario 4: every driver reads the same long stream once per round, in an order
	 * rotated every round, so that each driver reads first once.
	 */
	private void catchUpRead() {
		String scenario = "4. catch-up read (" + this.workload.catchUpRecords() + " records)";
		String stream = "catchup-" + this.runId;
		Long filled = attempt(this.drivers.get(0), scenario + " fill", () -> Fill.records(this.server.baseUrl(),
				this.basin, stream, this.workload.catchUpRecords(), this.workload));
		Map<String, Double> mib = new LinkedHashMap<>();
		if (filled != null) {
			int records = (int) Math.min(filled, this.workload.catchUpRecords());
			Map<String, Throughput> read = new LinkedHashMap<>();
			Set<String> failed = new HashSet<>();
			for (int r = 0; r < this.drivers.size(); r++) {
				for (Driver driver : rotated(r)) {
					Throughput result = failed.contains(driver.name()) ? null : attempt(driver,
							scenario + " round " + (r + 1), () -> driver.catchUpRead(stream, records));
					if (result == null) {
						failed.add(driver.name());
						continue;
					}
					read.merge(driver.name(), result, Throughput::plus);
				}
			}
			read.forEach((driver, total) -> {
				if (!failed.contains(driver)) {
					mib.put(driver, total.mibPerSecond());
				}
			});
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
		int idle = (counter != null) ? counter.getAsInt() : -1;
		for (Driver driver : this.drivers) {
			IntSupplier held = (counter != null) ? counter : () -> -1;
			settle(held, idle);
			ScaleResult result = attempt(driver, scenario,
					() -> driver.scale("scale-" + driver.name() + "-" + this.runId + "-", this.workload, held));
			if (result != null) {
				if (result.connections() >= 0) {
					connections.put(driver.name(), (double) result.connections());
				}
				heap.put(driver.name(), result.heapMib());
				if (result.threads() > 0) {
					threads.put(driver.name(), (double) result.threads());
				}
			}
		}
		add(scenario, "TCP connections (counted by the server)", false, connections);
		add(scenario, "heap held by the sessions after GC, MiB", false, heap);
		add(scenario, "threads", false, threads);
	}

	/**
	 * Waits until the previous driver's connections are gone, so that the server has
	 * dropped their sessions before the next heap baseline is taken.
	 */
	private static void settle(IntSupplier connections, int idle) {
		long deadline = System.nanoTime() + 30_000_000_000L;
		try {
			while (idle >= 0 && connections.getAsInt() > idle && System.nanoTime() < deadline) {
				Thread.sleep(100);
			}
			Thread.sleep(500);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
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

	/**
	 * Scenario 7: {@code S2Template.send} of one JSON message at a time, with a window of
	 * outstanding sends, in rounds interleaved with scenario 1's appends of the Java SDK
	 * and the raw reference (records of the same size, 1000 per batch), so that the
	 * template is compared with the limit under the same conditions. Unmeasured template
	 * rounds come first; the other drivers were warmed up with the harness.
	 */
	private void templateThroughput() {
		SpringDriver springDriver = this.spring;
		String scenario = "7. S2Template.send (" + this.workload.recordBytes() + " B JSON messages, "
				+ this.workload.sendWindow() + " outstanding)";
		if (springDriver == null) {
			this.notes.add(scenario + " skipped: it needs the spring driver");
			return;
		}
		int rounds = this.workload.throughputRounds();
		Workload round = this.workload.withDuration(this.workload.duration().dividedBy(rounds));
		int warmUp = templateWarmUp(springDriver, scenario, round);
		System.err.printf("  %s: warmed up in %d of at most %d rounds%n", scenario, warmUp,
				this.workload.maxWarmUpRounds());
		List<String> order = springColumns(springDriver);
		@Nullable TemplateRun template = null;
		boolean templateFailed = false;
		Map<String, Throughput> appended = new LinkedHashMap<>();
		Set<String> failed = new HashSet<>();
		for (int r = 0; r < rounds; r++) {
			List<String> rotated = new ArrayList<>(order);
			Collections.rotate(rotated, -(r % rotated.size()));
			String label = scenario + " round " + (r + 1) + "/" + rounds;
			for (String name : rotated) {
				if (name.equals(springDriver.name())) {
					TemplateRun result = templateFailed ? null
							: templateRound(springDriver, label, "template" + r, round);
					templateFailed = (result == null);
					template = (result == null || template == null) ? result : template.plus(result);
					continue;
				}
				Driver driver = driver(name);
				if (failed.contains(name)) {
					continue;
				}
				Round result = appendRound(driver, label, "template-append" + r, round);
				if (result.appended() == null || result.verified() == null) {
					failed.add(name);
					continue;
				}
				appended.merge(name, result.appended(), Throughput::plus);
			}
		}
		failed.forEach(appended::remove);
		Map<String, Double> messages = new LinkedHashMap<>();
		Map<String, Double> mib = new LinkedHashMap<>();
		Map<String, Double> cpu = new LinkedHashMap<>();
		Map<String, Double> p50 = new LinkedHashMap<>();
		Map<String, Double> p99 = new LinkedHashMap<>();
		Map<String, Double> overloaded = new LinkedHashMap<>();
		appended.forEach((driver, total) -> {
			messages.put(driver, total.recordsPerSecond());
			mib.put(driver, total.mibPerSecond());
			cpu.put(driver, total.cpuSecondsPerGib());
		});
		if (template != null) {
			String name = springDriver.name();
			messages.put(name, template.acknowledged().recordsPerSecond());
			mib.put(name, template.acknowledged().mibPerSecond());
			cpu.put(name, template.acknowledged().cpuSecondsPerGib());
			p50.put(name, template.latencies().getValueAtPercentile(50) / 1000.0);
			p99.put(name, template.latencies().getValueAtPercentile(99) / 1000.0);
			overloaded.put(name, (double) template.overloaded());
		}
		add(scenario, "messages (records) per second", true, messages);
		add(scenario, "MiB/s", true, mib);
		add(scenario, "CPU s per GiB (driver + server)", false, cpu);
		add(scenario, "send to ack p50 ms", false, p50);
		add(scenario, "send to ack p99 ms", false, p99);
		add(scenario, "sends refused as overloaded", false, overloaded);
	}

	/**
	 * Unmeasured template rounds: at least the harness's warm-up rounds, then more while
	 * a round is over 10% faster than the one before, up to the workload's maximum. The
	 * template's path (JSON, framing, batching, futures) takes the JIT several rounds to
	 * settle, longer than the bare append loops of the other columns.
	 * @return the number of rounds run
	 */
	private int templateWarmUp(SpringDriver springDriver, String scenario, Workload round) {
		double previous = 0;
		int rounds = 0;
		while (rounds < this.workload.maxWarmUpRounds()) {
			TemplateRun run = templateRound(springDriver, scenario + " warm-up", "template-warmup" + rounds, round);
			rounds++;
			if (run == null) {
				break;
			}
			double rate = run.acknowledged().mibPerSecond();
			if (rounds >= this.workload.warmUpRounds() && rate <= previous * 1.1) {
				break;
			}
			previous = rate;
		}
		return rounds;
	}

	/**
	 * One round of template sends to a fresh stream: checks that the stream's tail is the
	 * number of acknowledged messages (each is one record), then deletes it.
	 */
	private @Nullable TemplateRun templateRound(SpringDriver springDriver, String label, String tag, Workload round) {
		String stream = tag + "-" + springDriver.name() + "-" + this.runId;
		TemplateRun result = attempt(springDriver.name(), label, () -> {
			long cpu = ProcessStats.cpuNanos();
			TemplateRun measured = springDriver.templateThroughput(stream, round);
			measured = measured.withCpu(ProcessStats.cpuNanos() - cpu);
			long tail = Integrity.tail(this.server.baseUrl(), this.basin, stream);
			if (tail != measured.acknowledged().records()) {
				throw new IllegalStateException("the tail of " + stream + " is " + tail + " but "
						+ measured.acknowledged().records() + " messages were acknowledged");
			}
			return measured;
		});
		if (result != null) {
			System.err.printf("    %s: %.0f MiB/s, %.0f messages/s%n", springDriver.name(),
					result.acknowledged().mibPerSecond(), result.acknowledged().recordsPerSecond());
		}
		this.server.deleteStream(this.basin, stream);
		return result;
	}

	/**
	 * Keeps the distributions for the chart and adds the p50, p99 and p99.9 rows, in
	 * milliseconds.
	 */
	private void addLatencies(String scenario, String name, Map<String, Histogram> histograms) {
		this.distributions.put(name, histograms);
		for (double percentile : new double[] { 50, 99, 99.9 }) {
			Map<String, Double> values = new LinkedHashMap<>();
			histograms.forEach(
					(driver, histogram) -> values.put(driver, histogram.getValueAtPercentile(percentile) / 1000.0));
			add(scenario, "p" + (percentile == 99.9 ? "99.9" : String.valueOf((int) percentile)) + " ms", false,
					values);
		}
	}

	/**
	 * The columns of the Spring scenarios: spring first, then the in-process drivers (the
	 * TypeScript SDK takes no part).
	 */
	private List<String> springColumns(SpringDriver springDriver) {
		List<String> columns = new ArrayList<>(List.of(springDriver.name()));
		this.drivers.stream().filter((driver) -> !driver.name().equals("ts")).forEach((d) -> columns.add(d.name()));
		return columns;
	}

	private Driver driver(String name) {
		return this.drivers.stream()
			.filter((driver) -> driver.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no driver " + name));
	}

	/**
	 * Scenario 8: one message per slot at a fixed rate, from the slot's intended send
	 * time to the listener method (spring: {@code S2Template.send} to a programmatic
	 * listener) or to the read session's callback (java, raw: one record per batch). Each
	 * column runs an unmeasured warm-up of the same loop first; the measured time is
	 * split into rounds of about five seconds, at least one per column, whose order
	 * rotates so that each column runs first once (right after the previous scenario's
	 * garbage).
	 */
	private void listenerLatency() {
		SpringDriver springDriver = this.spring;
		Workload loop = this.workload.listenerLoop();
		String name = "send to listener latency";
		String scenario = "8. " + name + " (" + loop.ratePerSecond() + " messages/s of " + this.workload.recordBytes()
				+ " B, " + loop.duration().toMillis() / 1000.0 + " s)";
		if (springDriver == null) {
			this.notes.add(scenario + " skipped: it needs the spring driver");
			return;
		}
		List<String> order = springColumns(springDriver);
		for (String driverName : order) {
			listenerRun(springDriver, driverName, scenario + " warm-up", "listener-warmup",
					this.workload.listenerWarmUp());
		}
		int rounds = (int) Math.max(order.size(), loop.duration().toSeconds() / 5);
		Workload round = loop.withDuration(loop.duration().dividedBy(rounds));
		Map<String, Histogram> histograms = new LinkedHashMap<>();
		Set<String> failed = new HashSet<>();
		for (int r = 0; r < rounds; r++) {
			List<String> rotated = new ArrayList<>(order);
			Collections.rotate(rotated, -(r % rotated.size()));
			for (String driverName : rotated) {
				Histogram histogram = failed.contains(driverName) ? null : listenerRun(springDriver, driverName,
						scenario + " round " + (r + 1) + "/" + rounds, "listener" + r, round);
				if (histogram == null) {
					failed.add(driverName);
					continue;
				}
				histograms.merge(driverName, histogram, (total, more) -> {
					total.add(more);
					return total;
				});
			}
		}
		failed.forEach(histograms::remove);
		addLatencies(scenario, name, histograms);
	}

	private @Nullable Histogram listenerRun(SpringDriver springDriver, String driverName, String label, String tag,
			Workload loop) {
		String stream = tag + "-" + driverName + "-" + this.runId;
		Histogram histogram = driverName.equals(springDriver.name())
				? attempt(driverName, label, () -> springDriver.listenerLatency(stream, loop))
				: attempt(driverName, label, () -> driver(driverName).endToEndLatency(stream, loop));
		this.server.deleteStream(this.basin, stream);
		return histogram;
	}

	private String stream(String scenario, Driver driver) {
		return scenario + "-" + driver.name() + "-" + this.runId;
	}

	private void add(String scenario, String metric, boolean higherIsBetter, Map<String, Double> values) {
		this.rows.add(new Measurement(scenario, metric, higherIsBetter, values.get("java"), values.get("raw"),
				values.get("ts"), values.get("spring")));
	}

	private <T> @Nullable T attempt(Driver driver, String scenario, Step<T> step) {
		return attempt(driver.name(), scenario, step);
	}

	private <T> @Nullable T attempt(String driver, String scenario, Step<T> step) {
		long start = System.nanoTime();
		try {
			return step.run();
		}
		catch (Exception ex) {
			String note = driver + " failed in " + scenario + ": " + ex;
			this.notes.add(note);
			System.err.println(note);
			return null;
		}
		finally {
			System.err.printf("  %s: %s took %.1f s%n", scenario, driver, (System.nanoTime() - start) / 1e9);
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
