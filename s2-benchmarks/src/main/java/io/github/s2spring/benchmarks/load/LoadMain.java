package io.github.s2spring.benchmarks.load;

import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * The load harness's command line:
 * {@code java -jar s2-benchmarks.jar [--quick] [--url URL] [--out DIR] [--no-ts]
 * [--drivers LIST] [--scenarios LIST] [--streams N] [--duration SECONDS]
 * [--send-window N] [--message-rate N] [--message-duration SECONDS]}.
 */
public final class LoadMain {

	private LoadMain() {
	}

	/**
	 * Runs the harness and prints the table.
	 * @param args the arguments
	 * @throws Exception if the harness cannot run at all (a failing scenario is reported,
	 * not thrown)
	 */
	public static void main(String[] args) throws Exception {
		int status = run(args, System.out);
		if (status != 0) {
			System.exit(status);
		}
	}

	static int run(String[] args, PrintStream out) throws Exception {
		Workload workload = Workload.full();
		@Nullable String url = null;
		Path outDir = defaultOutDir();
		boolean ts = true;
		Set<String> only = new TreeSet<>();
		Set<Integer> scenarios = new TreeSet<>();
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--quick" -> workload = Workload.quick();
				case "--smoke" -> workload = Workload.smoke();
				case "--url" -> url = args[++i];
				case "--out" -> outDir = Path.of(args[++i]);
				case "--no-ts" -> ts = false;
				case "--drivers" -> {
					for (String name : args[++i].split(",")) {
						only.add(name.trim());
					}
				}
				case "--scenarios" -> {
					for (String number : args[++i].split(",")) {
						scenarios.add(Integer.parseInt(number.trim()));
					}
				}
				case "--streams" -> workload = workload.withStreams(Integer.parseInt(args[++i]));
				case "--duration" -> workload = workload.withDuration(Duration.ofSeconds(Long.parseLong(args[++i])));
				case "--send-window" -> workload = workload.withSendWindow(Integer.parseInt(args[++i]));
				case "--message-rate" ->
					workload = workload.withMessages(Integer.parseInt(args[++i]), workload.messageDuration());
				case "--message-duration" -> workload = workload.withMessages(workload.messageRate(),
						Duration.ofSeconds(Long.parseLong(args[++i])));
				case "--help", "-h" -> {
					out.println(usage());
					return 0;
				}
				default -> {
					out.println("Unknown argument " + args[i] + "\n" + usage());
					return 2;
				}
			}
		}
		Files.createDirectories(outDir);
		try (BenchServer server = (url != null) ? BenchServer.remote(url) : BenchServer.startEmbedded()) {
			String basin = "bench-" + Long.toString(System.nanoTime(), 36).toLowerCase(Locale.ROOT);
			server.createBasin(basin);
			List<Driver> drivers = new ArrayList<>();
			if (only.isEmpty() || only.contains("java")) {
				drivers.add(new JavaDriver(server.origin(), basin));
			}
			if (only.isEmpty() || only.contains("raw")) {
				drivers.add(new RawDriver(server.baseUrl(), basin));
			}
			if (ts && (only.isEmpty() || only.contains("ts"))) {
				drivers.add(new TsDriver(server.origin(), basin));
			}
			@Nullable SpringDriver spring = (only.isEmpty() || only.contains("spring"))
					? new SpringDriver(server.origin(), basin, workload) : null;
			try {
				BenchResults results = new LoadHarness(server, basin, drivers, spring, workload, scenarios).run();
				String table = MarkdownTable.render(results);
				out.print(table);
				Files.writeString(outDir.resolve("results.md"), table);
				ResultsJson.write(results, outDir.resolve("results.json"));
				LatencyChart.write(results.distributions(), outDir.resolve("latency.png"));
				out.println("Results: " + outDir.toAbsolutePath());
				results.notes().forEach((note) -> out.println("note: " + note));
			}
			finally {
				drivers.forEach(Driver::close);
				if (spring != null) {
					spring.close();
				}
			}
		}
		return 0;
	}

	/**
	 * {@code target/bench} next to the jar when run from it, else under the working
	 * directory.
	 */
	static Path defaultOutDir() {
		try {
			Path location = Path.of(LoadMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			if (Files.isRegularFile(location) && location.getParent() != null) {
				return location.getParent().resolve("bench");
			}
		}
		catch (URISyntaxException | SecurityException ex) {
			// fall through to the working directory
		}
		return Path.of("s2-benchmarks", "target", "bench");
	}

	static String usage() {
		return """
				Usage: java -jar s2-benchmarks.jar [options]
				  --quick            every scenario briefly (under three minutes)
				  --url URL          run against this server instead of an in-process s2-embedded
				  --out DIR          where results.md, results.json and latency.png go
				                     (default: target/bench next to the jar)
				  --no-ts            skip the TypeScript SDK column
				  --drivers java,raw only these drivers (java, raw, ts, spring)
				  --scenarios 1,3    run only these scenarios (1-8)
				  --streams N        streams of the scale scenario (default 10000, quick 1000)
				  --duration SECONDS length of each timed scenario (default 30, quick 5)
				  --send-window N    template sends kept outstanding in scenario 7, also the
				                     bound of the appender's queue (default 5000)
				  --message-rate N   messages per second in scenario 8 (default 2000)
				  --message-duration SECONDS
				                     measured length of scenario 8, after a warm-up of half
				                     that (default 10, quick 3)
				JMH microbenchmarks: java -cp s2-benchmarks.jar org.openjdk.jmh.Main""";
	}

}
