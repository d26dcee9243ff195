package io.github.s2spring.benchmarks.load;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the whole load harness with a tiny workload against an in-process server: every
 * scenario, every driver, every report file. No thresholds: this proves the harness
 * works, not how fast.
 */
class LoadHarnessSmokeTests {

	@Test
	void everyScenarioRunsAndEveryReportIsWritten(@TempDir Path out) throws Exception {
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		int status = LoadMain.run(new String[] { "--smoke", "--out", out.toString() },
				new PrintStream(printed, true, StandardCharsets.UTF_8));
		String table = printed.toString(StandardCharsets.UTF_8);
		assertThat(status).isZero();
		assertThat(table)
			.startsWith("| scenario | metric | java | raw | ts | spring | java/raw | java/ts | spring/raw |");
		assertThat(table).contains("1. append throughput", "2. append ack latency", "3. append to read latency",
				"4. catch-up read", "5. scale", "6. one 3 MiB message through patterns");
		assertThat(table).doesNotContain("note: ");
		assertThat(Files.readString(out.resolve("results.md")))
			.isEqualTo(table.substring(0, table.indexOf("Results: ")));
		assertThat(Files.readString(out.resolve("results.json"))).contains("\"rows\"", "\"latencyMicros\"",
				"\"machine\"");
		assertThat(Files.size(out.resolve("latency.png"))).isPositive();
	}

	@Test
	void onlyTheChosenDriversAndScenariosRun(@TempDir Path out) throws Exception {
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		int status = LoadMain.run(new String[] { "--smoke", "--drivers", "raw", "--scenarios", "1,5", "--duration", "1",
				"--out", out.toString() }, new PrintStream(printed, true, StandardCharsets.UTF_8));
		String table = printed.toString(StandardCharsets.UTF_8);
		assertThat(status).isZero();
		assertThat(table).contains("1. append throughput", "CPU s per GiB", "5. scale")
			.doesNotContain("2. append ack latency", "6. one");
		assertThat(table.lines().filter((line) -> line.contains("| MiB/s |"))).singleElement()
			.satisfies((line) -> assertThat(line)
				.matches("\\| 1\\. .* \\| MiB/s \\| n/a \\| [0-9.]+ \\| n/a \\| n/a \\| n/a \\| n/a \\| n/a \\|"));
	}

	@Test
	void helpListsTheOptions() throws Exception {
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		assertThat(LoadMain.run(new String[] { "--help" }, new PrintStream(printed, true, StandardCharsets.UTF_8)))
			.isZero();
		assertThat(printed.toString(StandardCharsets.UTF_8)).contains("--quick", "--url", "--no-ts",
				"org.openjdk.jmh.Main");
	}

	@Test
	void unknownArgumentsAreRefused() throws Exception {
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		assertThat(LoadMain.run(new String[] { "--fast" }, new PrintStream(printed, true, StandardCharsets.UTF_8)))
			.isEqualTo(2);
		assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Unknown argument --fast");
	}

}
