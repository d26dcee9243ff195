package io.github.s2spring.benchmarks.load;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jspecify.annotations.Nullable;
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
				"4. catch-up read", "5. scale", "6. one 3 MiB message through patterns", "7. S2Template.send",
				"8. send to listener latency");
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
	void templateThroughputReportsMessagesBytesAndAckLatencyBesideTheSdkAndRaw(@TempDir Path out) throws Exception {
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		int status = LoadMain.run(new String[] { "--smoke", "--drivers", "spring,java,raw", "--scenarios", "7",
				"--send-window", "100", "--out", out.toString() },
				new PrintStream(printed, true, StandardCharsets.UTF_8));
		String table = printed.toString(StandardCharsets.UTF_8);
		assertThat(status).isZero();
		assertThat(table).doesNotContain("note: ")
			.contains("7. S2Template.send (256 B JSON messages, 100 outstanding)");
		for (String metric : List.of("messages (records) per second", "MiB/s", "CPU s per GiB (driver + server)")) {
			Cells cells = Cells.of(table, "7. ", metric);
			assertThat(cells.java()).as(metric).isPositive();
			assertThat(cells.raw()).as(metric).isPositive();
			assertThat(cells.spring()).as(metric).isPositive();
			assertThat(cells.springOverRaw()).as(metric).matches("[0-9]+\\.[0-9]{2}");
		}
		Cells p50 = Cells.of(table, "7. ", "send to ack p50 ms");
		Cells p99 = Cells.of(table, "7. ", "send to ack p99 ms");
		assertThat(p50.spring()).isPositive().isLessThan(10_000);
		assertThat(p99.spring()).isGreaterThanOrEqualTo(p50.spring());
		assertThat(p50.java()).isNull();
		assertThat(Cells.of(table, "7. ", "sends refused as overloaded").spring()).isZero();
	}

	@Test
	void listenerLatencyReportsPercentilesBesideTheSdkAndRawReadSessions(@TempDir Path out) throws Exception {
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		int status = LoadMain.run(new String[] { "--smoke", "--drivers", "spring,java,raw", "--scenarios", "8",
				"--message-rate", "400", "--out", out.toString() },
				new PrintStream(printed, true, StandardCharsets.UTF_8));
		String table = printed.toString(StandardCharsets.UTF_8);
		assertThat(status).isZero();
		assertThat(table).doesNotContain("note: ")
			.contains("8. send to listener latency (400 messages/s of 256 B, 0.5 s)");
		Cells p50 = Cells.of(table, "8. ", "p50 ms");
		Cells p99 = Cells.of(table, "8. ", "p99 ms");
		for (Cells cells : List.of(p50, p99)) {
			assertThat(cells.spring()).isPositive().isLessThan(10_000);
			assertThat(cells.java()).isPositive().isLessThan(10_000);
			assertThat(cells.raw()).isPositive().isLessThan(10_000);
			assertThat(cells.springOverRaw()).matches("[0-9]+\\.[0-9]{2}");
		}
		assertThat(p99.spring()).isGreaterThanOrEqualTo(p50.spring());
		assertThat(Files.readString(out.resolve("results.json"))).contains("\"send to listener latency\"",
				"\"spring\"");
	}

	@Test
	void springScenariosAreSkippedWithANoteWithoutTheSpringDriver(@TempDir Path out) throws Exception {
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		int status = LoadMain.run(
				new String[] { "--smoke", "--drivers", "raw", "--scenarios", "7,8", "--out", out.toString() },
				new PrintStream(printed, true, StandardCharsets.UTF_8));
		assertThat(status).isZero();
		assertThat(printed.toString(StandardCharsets.UTF_8))
			.contains("note: 7. S2Template.send", "note: 8. send to listener latency")
			.contains("skipped: it needs the spring driver");
	}

	@Test
	void helpListsTheOptions() throws Exception {
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		assertThat(LoadMain.run(new String[] { "--help" }, new PrintStream(printed, true, StandardCharsets.UTF_8)))
			.isZero();
		assertThat(printed.toString(StandardCharsets.UTF_8)).contains("--quick", "--url", "--no-ts", "--send-window",
				"--message-rate", "--message-duration", "org.openjdk.jmh.Main");
	}

	@Test
	void unknownArgumentsAreRefused() throws Exception {
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		assertThat(LoadMain.run(new String[] { "--fast" }, new PrintStream(printed, true, StandardCharsets.UTF_8)))
			.isEqualTo(2);
		assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Unknown argument --fast");
	}

	/**
	 * The cells of one row of the printed table.
	 */
	private record Cells(@Nullable Double java, @Nullable Double raw, @Nullable Double spring, String springOverRaw) {

		static Cells of(String table, String scenarioPrefix, String metric) {
			List<String> rows = table.lines()
				.filter((line) -> line.startsWith("| " + scenarioPrefix) && line.contains(" | " + metric + " | "))
				.toList();
			assertThat(rows).as(metric).hasSize(1);
			String[] cells = rows.get(0).split(" \\| ");
			return new Cells(number(cells[2]), number(cells[3]), number(cells[5]), cells[8].replace(" |", ""));
		}

		private static @Nullable Double number(String cell) {
			return cell.equals("n/a") ? null : Double.valueOf(cell);
		}

	}

}
