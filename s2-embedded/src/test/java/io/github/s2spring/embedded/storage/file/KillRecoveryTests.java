package io.github.s2spring.embedded.storage.file;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A real crash: a child JVM appends and prints what was acknowledged, and is killed with
 * {@code kill -9} in the middle; every acknowledged entry must survive.
 */
class KillRecoveryTests {

	private static final String END = "<end of output>";

	@TempDir
	Path directory;

	@Test
	void everyAcknowledgedEntrySurvivesKillNine() throws Exception {
		int[] acknowledged = new int[JournalAppenderProcess.WRITERS];
		Arrays.fill(acknowledged, -1);
		for (int round = 1; round <= 2; round++) {
			runAndKill(acknowledged, 150 * round);
			List<List<Integer>> replayed = new ArrayList<>();
			for (int w = 0; w < JournalAppenderProcess.WRITERS; w++) {
				replayed.add(new ArrayList<>());
			}
			try (FileJournal journal = FileJournal.open(this.directory)) {
				journal.replay((entry) -> {
					int[] number = Entries.number(entry);
					replayed.get(number[0]).add(number[1]);
				});
			}
			for (int w = 0; w < JournalAppenderProcess.WRITERS; w++) {
				List<Integer> seqs = replayed.get(w);
				assertThat(seqs.size()).as("writer %d in round %d", w, round)
					.isGreaterThanOrEqualTo(acknowledged[w] + 1);
				for (int i = 0; i < seqs.size(); i++) {
					assertThat(seqs.get(i)).isEqualTo(i);
				}
				// An entry may be durable without its ack having been printed; the next
				// round continues after it.
				acknowledged[w] = seqs.size() - 1;
			}
		}
	}

	private void runAndKill(int[] acknowledged, int acksBeforeKill) throws Exception {
		Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				classpath(), JournalAppenderProcess.class.getName(), this.directory.toString())
			.redirectError(ProcessBuilder.Redirect.DISCARD)
			.start();
		try {
			BlockingQueue<String> lines = readLines(child);
			assertThat(lines.poll(120, TimeUnit.SECONDS)).isEqualTo("ready");
			assertThatExceptionOfType(JournalException.class).isThrownBy(() -> FileJournal.open(this.directory))
				.withMessageContaining("is in use by another server");
			int acks = 0;
			while (acks < acksBeforeKill) {
				String line = lines.poll(120, TimeUnit.SECONDS);
				assertThat(line).as("an ack from the child").isNotNull().isNotEqualTo(END);
				record(line, acknowledged);
				acks++;
			}
			child.destroyForcibly();
			assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
			for (String line = lines.poll(120, TimeUnit.SECONDS); !END.equals(line); line = lines.poll(120,
					TimeUnit.SECONDS)) {
				assertThat(line).isNotNull();
				record(line, acknowledged);
			}
		}
		finally {
			child.destroyForcibly();
		}
	}

	private static void record(String line, int[] acknowledged) {
		String[] parts = line.split(" ");
		assertThat(parts).hasSize(3).startsWith("ack");
		int writer = Integer.parseInt(parts[1]);
		int seq = Integer.parseInt(parts[2]);
		assertThat(seq).isEqualTo(acknowledged[writer] + 1);
		acknowledged[writer] = seq;
	}

	private static BlockingQueue<String> readLines(Process child) {
		BlockingQueue<String> lines = new LinkedBlockingQueue<>();
		Thread reader = new Thread(() -> {
			try (BufferedReader in = new BufferedReader(
					new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
				for (String line = in.readLine(); line != null; line = in.readLine()) {
					lines.add(line);
				}
			}
			catch (IOException ex) {
				// The child died; what was read is what it printed.
			}
			lines.add(END);
		});
		reader.setDaemon(true);
		reader.start();
		return lines;
	}

	private static String classpath() throws Exception {
		return Path.of(JournalAppenderProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI())
				+ File.pathSeparator
				+ Path.of(FileJournal.class.getProtectionDomain().getCodeSource().getLocation().toURI());
	}

}
