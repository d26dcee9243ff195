package io.github.s2spring.embedded.storage.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.IntStream;

import io.github.s2spring.embedded.storage.JournalEntry;
import io.github.s2spring.embedded.storage.JournalEntry.BasinDeleted;
import io.github.s2spring.embedded.storage.JournalEntry.RecordsAppended;
import io.github.s2spring.embedded.storage.JournalEntry.StreamPut;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Crashes simulated on the files: torn writes, flipped bytes, zeroed tails, and entries
 * the journal must refuse to cut.
 */
class JournalRecoveryTests {

	private static final List<JournalEntry> INTACT = List.of(new BasinDeleted("first"),
			new StreamPut("basin", "stream", Entries.utf8("{\"retention\":null}"), 42));

	private static final JournalEntry LAST = new RecordsAppended("basin", "stream", Entries.bytes(40, 3));

	private static final JournalEntry NEXT = new BasinDeleted("appended-after-recovery");

	private static final Logger replayerLogger = Logger.getLogger(Replayer.class.getName());

	private static final List<String> warnings = new CopyOnWriteArrayList<>();

	private static final Handler capture = new Handler() {

		@Override
		public void publish(LogRecord record) {
			warnings.add(new SimpleFormatter().formatMessage(record));
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}

	};

	@TempDir
	Path root;

	private byte[] segment;

	private int lastStart;

	@BeforeAll
	static void captureWarnings() {
		replayerLogger.setUseParentHandlers(false);
		replayerLogger.addHandler(capture);
	}

	@AfterAll
	static void restoreLogging() {
		replayerLogger.removeHandler(capture);
		replayerLogger.setUseParentHandlers(true);
	}

	@BeforeEach
	void writeJournal() throws IOException {
		warnings.clear();
		Path original = this.root.resolve("original");
		List<JournalEntry> all = new ArrayList<>(INTACT);
		all.add(LAST);
		FileJournalTests.appendAll(original, all.toArray(JournalEntry[]::new));
		this.segment = Files.readAllBytes(Segments.path(original, 0));
		this.lastStart = this.segment.length - EntryCodec.encode(LAST).length;
	}

	@Test
	void aTornLastEntryIsCutAtEveryOffset() throws IOException {
		for (int cut = this.lastStart; cut < this.segment.length; cut++) {
			Path directory = copy("cut-" + cut, Arrays.copyOf(this.segment, cut));
			assertRecoversIntactPrefix(directory, "cut at " + cut);
		}
	}

	@Test
	void aFlippedByteInTheLastEntryIsCutAtEveryOffset() throws IOException {
		for (int offset = this.lastStart; offset < this.segment.length; offset++) {
			for (int flip : new int[] { 0x01, 0x80, 0xFF }) {
				byte[] bytes = this.segment.clone();
				bytes[offset] ^= (byte) flip;
				Path directory = copy("flip-" + offset + "-" + flip, bytes);
				assertRecoversIntactPrefix(directory, "flip " + flip + " at " + offset);
			}
		}
	}

	@Test
	void aZeroedTailIsCut() throws IOException {
		byte[] bytes = Arrays.copyOf(this.segment, this.segment.length + 4096);
		Path directory = copy("zeroes", bytes);
		Entries.Collector replayed = new Entries.Collector();
		try (FileJournal journal = FileJournal.open(directory)) {
			journal.replay(replayed);
		}
		assertThat(replayed.entries).hasSize(3);
		assertThat(Files.size(Segments.path(directory, 0))).isEqualTo(this.segment.length);
	}

	@Test
	void aTornSegmentHeaderIsRewritten() throws IOException {
		for (int cut = 0; cut <= Segments.HEADER_BYTES; cut++) {
			Path directory = copy("header-" + cut, Arrays.copyOf(this.segment, cut));
			assertThat(FileJournalTests.replay(directory)).isEmpty();
			FileJournalTests.appendAll(directory, NEXT);
			assertThat(FileJournalTests.replay(directory)).containsExactly(Entries.describe(NEXT));
		}
		byte[] garbage = this.segment.clone();
		garbage[0] = 'X';
		Path directory = copy("garbage-header", garbage);
		assertThat(FileJournalTests.replay(directory)).isEmpty();
		assertThat(Files.size(Segments.path(directory, 0))).isEqualTo(Segments.HEADER_BYTES);
	}

	@Test
	void corruptionInAnEarlierSegmentDeletesEveryLaterSegment() throws IOException {
		Path directory = this.root.resolve("segments");
		List<JournalEntry> entries = IntStream.range(0, 40).mapToObj((i) -> Entries.numbered(0, i)).toList();
		try (FileJournal journal = FileJournal.open(directory, 200, FileJournal.DEFAULT_QUEUE_BYTES)) {
			journal.replay((entry) -> {
			});
			entries.forEach((entry) -> journal.append(entry).join());
		}
		List<Path> segments = FileJournalTests.segments(directory);
		assertThat(segments).hasSizeGreaterThan(3);
		Path second = segments.get(1);
		int firstSegmentEntries = (int) ((Files.size(segments.get(0)) - Segments.HEADER_BYTES)
				/ EntryCodec.encode(entries.get(0)).length);
		int frame = EntryCodec.encode(entries.get(firstSegmentEntries)).length;
		byte[] bytes = Files.readAllBytes(second);
		bytes[Segments.HEADER_BYTES + frame + 6] ^= 0x20;
		Files.write(second, bytes);

		List<String> replayed = FileJournalTests.replay(directory);

		assertThat(replayed).isEqualTo(Entries.describe(entries.subList(0, firstSegmentEntries + 1)));
		assertThat(FileJournalTests.segments(directory)).containsExactly(segments.get(0), second);
		assertThat(warnings)
			.containsExactly("Journal segment " + second.toAbsolutePath() + " had a torn or corrupt entry at offset "
					+ (Segments.HEADER_BYTES + frame) + ": cut " + (bytes.length - Segments.HEADER_BYTES - frame)
					+ " bytes there and deleted " + (segments.size() - 2) + " later segment(s)");
		assertThat(Files.size(second)).isEqualTo(Segments.HEADER_BYTES + frame);
		FileJournalTests.appendAll(directory, NEXT);
		assertThat(FileJournalTests.replay(directory)).hasSize(firstSegmentEntries + 2)
			.endsWith(Entries.describe(NEXT));
	}

	@Test
	void aSegmentOfAnotherFormatVersionFailsReplay() throws IOException {
		byte[] bytes = this.segment.clone();
		bytes[7] = 2;
		Path directory = copy("version", bytes);
		try (FileJournal journal = FileJournal.open(directory)) {
			assertThatExceptionOfType(JournalException.class).isThrownBy(() -> journal.replay((entry) -> {
			}))
				.withMessage("Journal segment " + Segments.path(journal.directory(), 0)
						+ " has format version 2 but this server reads version 1");
		}
		assertThat(Files.readAllBytes(Segments.path(directory, 0))).isEqualTo(bytes);
	}

	@Test
	void anEntryWithAValidChecksumThatCannotBeReadFailsReplayWithoutCutting() throws IOException {
		byte[] header = { 0, 0, 0, 1, 99 };
		byte[] payload = { 7 };
		ByteBuffer frame = ByteBuffer.allocate(10)
			.put(header)
			.put(payload)
			.putInt(EntryCodec.checksum(header, payload, 1));
		byte[] bytes = Arrays.copyOf(this.segment, this.segment.length + 10);
		System.arraycopy(frame.array(), 0, bytes, this.segment.length, 10);
		Path directory = copy("unknown-type", bytes);
		try (FileJournal journal = FileJournal.open(directory)) {
			assertThatExceptionOfType(JournalException.class).isThrownBy(() -> journal.replay((entry) -> {
			}))
				.withMessage("Journal entry at offset " + this.segment.length + " of "
						+ Segments.path(journal.directory(), 0) + " has a valid checksum but cannot be read "
						+ "(unknown entry type 99); was it written by another format version?");
			assertThat(journal.append(NEXT)).isCompletedExceptionally();
		}
		assertThat(Files.readAllBytes(Segments.path(directory, 0))).isEqualTo(bytes);
	}

	@Test
	void otherFilesInTheDirectoryAreIgnored() throws IOException {
		Path directory = copy("others", this.segment);
		Files.writeString(directory.resolve("journal-1.seg"), "not a segment");
		Files.writeString(directory.resolve("notes.txt"), "hello");
		assertThat(FileJournalTests.replay(directory)).hasSize(3);
	}

	private void assertRecoversIntactPrefix(Path directory, String description) throws IOException {
		assertThat(FileJournalTests.replay(directory)).as(description).isEqualTo(Entries.describe(INTACT));
		assertThat(Files.size(Segments.path(directory, 0))).as(description).isEqualTo(this.lastStart);
		FileJournalTests.appendAll(directory, NEXT);
		List<JournalEntry> expected = new ArrayList<>(INTACT);
		expected.add(NEXT);
		assertThat(FileJournalTests.replay(directory)).as(description).isEqualTo(Entries.describe(expected));
	}

	private Path copy(String name, byte[] segmentBytes) throws IOException {
		Path directory = Files.createDirectories(this.root.resolve(name));
		Files.write(Segments.path(directory, 0), segmentBytes);
		return directory;
	}

}
