package io.github.s2spring.benchmarks.load;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The official TypeScript SDK, driven from Node: each scenario runs
 * {@code conformance/bench/ts-bench.mjs} once and reads its JSON result. The npm packages
 * are installed with {@code npm ci} on first use.
 */
public final class TsDriver implements Driver {

	private static final ObjectMapper MAPPER = JsonMapper.builder().build();

	private static final long TIMEOUT_SECONDS = 600;

	private final String origin;

	private final String basin;

	private final Path conformance;

	private boolean installed;

	/**
	 * Creates the driver.
	 * @param origin the server's origin, without {@code /v1}
	 * @param basin the basin
	 */
	public TsDriver(String origin, String basin) {
		this(origin, basin, locateConformance());
	}

	TsDriver(String origin, String basin, Path conformance) {
		this.origin = origin;
		this.basin = basin;
		this.conformance = conformance;
	}

	@Override
	public String name() {
		return "ts";
	}

	@Override
	public Throughput appendThroughput(String stream, Workload workload) throws Exception {
		return throughput(run("appendThroughput", stream, workload, Map.of()));
	}

	@Override
	public Histogram ackLatency(String stream, Workload workload) throws Exception {
		return histogram(run("ackLatency", stream, workload, Map.of()));
	}

	@Override
	public Histogram endToEndLatency(String stream, Workload workload) throws Exception {
		return histogram(run("endToEndLatency", stream, workload, Map.of()));
	}

	@Override
	public Throughput catchUpRead(String stream, int records) throws Exception {
		return throughput(run("catchUpRead", stream, Workload.smoke(), Map.of("records", records)));
	}

	@Override
	public ScaleResult scale(String streamPrefix, Workload workload, IntSupplier connections) throws Exception {
		JsonNode result = run("scale", streamPrefix, workload, Map.of("connectionsBefore", connections.getAsInt()));
		return new ScaleResult(result.get("streams").asInt(), result.get("connections").asInt(-1),
				result.get("heapMib").asDouble(), 0, result.get("echoed").asLong());
	}

	@Override
	public @Nullable Throughput patternsRoundTrip(String stream, Workload workload) throws Exception {
		return throughput(run("patterns", stream, workload, Map.of()));
	}

	private JsonNode run(String scenario, String stream, Workload workload, Map<String, Object> extra)
			throws IOException, InterruptedException {
		ensureInstalled();
		Map<String, Object> config = new LinkedHashMap<>();
		config.put("scenario", scenario);
		config.put("url", this.origin);
		config.put("basin", this.basin);
		config.put("stream", stream);
		config.put("recordBytes", workload.recordBytes());
		config.put("batchRecords", workload.batchRecords());
		config.put("durationMs", workload.duration().toMillis());
		config.put("rate", workload.ratePerSecond());
		config.put("streams", workload.streams());
		config.put("messageBytes", workload.messageBytes());
		config.putAll(extra);
		Process process = new ProcessBuilder(List.of("node", "--expose-gc", "--max-old-space-size=4096",
				"bench/ts-bench.mjs", MAPPER.writeValueAsString(config)))
			.directory(this.conformance.toFile())
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		byte[] out = process.getInputStream().readAllBytes();
		if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IOException("ts-bench " + scenario + " timed out");
		}
		if (process.exitValue() != 0) {
			throw new IOException("ts-bench " + scenario + " exited with " + process.exitValue());
		}
		String[] lines = new String(out, StandardCharsets.UTF_8).strip().split("\n");
		return MAPPER.readTree(lines[lines.length - 1]);
	}

	private synchronized void ensureInstalled() throws IOException, InterruptedException {
		if (this.installed || Files.isDirectory(this.conformance.resolve("node_modules/@s2-dev/streamstore"))) {
			this.installed = true;
			return;
		}
		Process npm = new ProcessBuilder(List.of("npm", "ci", "--no-audit", "--no-fund"))
			.directory(this.conformance.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		if (!npm.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || npm.exitValue() != 0) {
			npm.destroyForcibly();
			throw new IOException("npm ci failed in " + this.conformance);
		}
		this.installed = true;
	}

	private static Throughput throughput(JsonNode result) {
		JsonNode cpu = result.get("cpuNanos");
		return new Throughput(result.get("records").asLong(), result.get("bodyBytes").asLong(),
				result.get("nanos").asLong(), (cpu != null) ? cpu.asLong() : 0);
	}

	private static Histogram histogram(JsonNode result) {
		Histogram histogram = new Histogram(3);
		for (JsonNode value : result.get("latenciesMicros")) {
			histogram.recordValue(Math.max(0, Math.round(value.asDouble())));
		}
		return histogram;
	}

	/**
	 * Finds {@code conformance/} in the working directory or above the jar.
	 */
	static Path locateConformance() {
		Path cwd = Path.of("conformance");
		if (Files.isRegularFile(cwd.resolve("package.json"))) {
			return cwd.toAbsolutePath();
		}
		try {
			Path dir = Path.of(TsDriver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			for (int i = 0; i < 5 && dir != null; i++) {
				Path candidate = dir.resolve("conformance");
				if (Files.isRegularFile(candidate.resolve("package.json"))) {
					return candidate;
				}
				dir = dir.getParent();
			}
		}
		catch (URISyntaxException | SecurityException ex) {
			// fall back to the working directory
		}
		return cwd.toAbsolutePath();
	}

	@Override
	public void close() {
	}

}
