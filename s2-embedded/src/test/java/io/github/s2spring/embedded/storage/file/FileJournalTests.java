package io.github.s2spring.embedded.storage.file;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.github.s2spring.embedded.storage.JournalEntry;
import io.github.s2spring.embedded.storage.JournalEntry.BasinDeleted;
import io.github.s2spring.embedded.storage.JournalEntry.RecordsAppended;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

class FileJournalTests {

	@TempDir
	Path directory;

	@Test
	void roundTripsEveryEntryKindThroughTheDisk() {
		try (FileJournal journal = FileJournal.open(this.directory)) {
			journal.replay((entry) -> {
			});
			Entries.everyKind().forEach((entry) -> journal.append(entry).join());
		}
		assertThat(replay(this.directory)).isEqualTo(Entries.describe(Entries.everyKind()));
	}

	@Test
	void appendsContinueAfterTheReplayedEntries() {
		appendAll(this.directory, new BasinDeleted("a"), new BasinDeleted("b"));
		try (FileJournal journal = FileJournal.open(this.directory)) {
			Entries.Collector replayed = new Entries.Collector();
			journal.replay(replayed);
			assertThat(replayed.described()).containsExactly("BasinDeleted[basin=a]", "BasinDeleted[basin=b]");
			journal.append(new BasinDeleted("c")).join();
		}
		assertThat(replay(this.directory)).containsExactly("BasinDeleted[basin=a]", "BasinDeleted[basin=b]",
				"BasinDeleted[basin=c]");
	}

	@Test
	void appendWithoutReplayRecoversTheJournalFirst() {
		appendAll(this.directory, new BasinDeleted("a"));
		try (FileJournal journal = FileJournal.open(this.directory)) {
			journal.append(new BasinDeleted("b")).join();
			assertThatIllegalStateException().isThrownBy(() -> journal.replay((entry) -> {
			})).withMessageContaining("can only be replayed once, before the first append");
		}
		assertThat(replay(this.directory)).containsExactly("BasinDeleted[basin=a]", "BasinDeleted[basin=b]");
	}

	@Test
	void replaysOnlyOnceAndNotAfterClose() {
		FileJournal journal = FileJournal.open(this.directory);
		journal.replay((entry) -> {
		});
		assertThatIllegalStateException().isThrownBy(() -> journal.replay((entry) -> {
		}));
		journal.close();
		FileJournal closed = FileJournal.open(this.directory);
		closed.close();
		assertThatIllegalStateException().isThrownBy(() -> closed.replay((entry) -> {
		}));
	}

	@Test
	void concurrentAppendsAllCompleteInOrderAndReplayInEachWritersOrder() throws Exception {
		int writers = 8;
		int perWriter = 300;
		List<List<Integer>> completions = new ArrayList<>();
		List<CompletableFuture<Void>> futures = Collections.synchronizedList(new ArrayList<>());
		try (FileJournal journal = FileJournal.open(this.directory)) {
			journal.replay((entry) -> {
			});
			List<Thread> threads = new ArrayList<>();
			for (int w = 0; w < writers; w++) {
				List<Integer> completed = Collections.synchronizedList(new ArrayList<>());
				completions.add(completed);
				int writer = w;
				threads.add(new Thread(() -> {
					for (int seq = 0; seq < perWriter; seq++) {
						int n = seq;
						CompletableFuture<Void> future = journal.append(Entries.numbered(writer, seq));
						futures.add(future.thenRun(() -> completed.add(n)));
					}
				}));
			}
			threads.forEach(Thread::start);
			for (Thread thread : threads) {
				thread.join(TimeUnit.SECONDS.toMillis(60));
			}
			CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
		}
		List<Integer> expected = IntStream.range(0, perWriter).boxed().toList();
		assertThat(completions).allSatisfy((completed) -> assertThat(completed).isEqualTo(expected));
		List<List<Integer>> replayed = new ArrayList<>();
		IntStream.range(0, writers).forEach((w) -> replayed.add(new ArrayList<>()));
		try (FileJournal journal = FileJournal.open(this.directory)) {
			journal.replay((entry) -> {
				int[] number = Entries.number(entry);
				replayed.get(number[0]).add(number[1]);
			});
		}
		assertThat(replayed).allSatisfy((seqs) -> assertThat(seqs).isEqualTo(expected));
	}

	@Test
	void groupCommitWritesEverythingQueuedWithOneFsync() throws Exception {
		try (FileJournal journal = FileJournal.open(this.directory)) {
			journal.replay((entry) -> {
			});
			WriterGate gate = WriterGate.hold(journal);
			long forcesBefore = journal.forces();
			List<CompletableFuture<Void>> futures = Collections.synchronizedList(new ArrayList<>());
			List<Thread> threads = IntStream.range(0, 4).mapToObj((w) -> new Thread(() -> {
				for (int seq = 0; seq < 100; seq++) {
					futures.add(journal.append(Entries.numbered(w, seq)));
				}
			})).toList();
			threads.forEach(Thread::start);
			for (Thread thread : threads) {
				thread.join(TimeUnit.SECONDS.toMillis(60));
			}
			assertThat(futures).hasSize(400).noneMatch(CompletableFuture::isDone);
			gate.open();
			CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
			assertThat(journal.forces() - forcesBefore).isOne();
		}
		assertThat(replay(this.directory)).hasSize(400);
	}

	@Test
	void appendsWaitForRoomWhenTheQueueIsFull() throws Exception {
		List<RecordsAppended> entries = IntStream.range(0, 20)
			.mapToObj((i) -> new RecordsAppended("b", "s", Entries.bytes(1000, i)))
			.toList();
		assertThat(EntryCodec.encode(entries.get(0))).hasSize(1015);
		try (FileJournal journal = FileJournal.open(this.directory, FileJournal.DEFAULT_SEGMENT_BYTES, 4096)) {
			journal.replay((entry) -> {
			});
			WriterGate gate = WriterGate.hold(journal);
			List<CompletableFuture<Void>> futures = Collections.synchronizedList(new ArrayList<>());
			Thread appender = new Thread(() -> entries.forEach((entry) -> futures.add(journal.append(entry))));
			appender.start();
			await().atMost(Duration.ofSeconds(60)).until(() -> appender.getState() == Thread.State.WAITING);
			assertThat(futures).hasSize(4);
			assertThat(journal.queueHighWater()).isEqualTo(4 * 1015);
			gate.open();
			appender.join(TimeUnit.SECONDS.toMillis(60));
			CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
			assertThat(journal.queueHighWater()).isLessThanOrEqualTo(4096);
		}
		assertThat(replay(this.directory)).isEqualTo(Entries.describe(entries));
	}

	@Test
	void theWriterThreadAppendsWithoutWaitingForRoom() throws Exception {
		CompletableFuture<CompletableFuture<Void>> fromWriter = new CompletableFuture<>();
		try (FileJournal journal = FileJournal.open(this.directory, FileJournal.DEFAULT_SEGMENT_BYTES, 2048)) {
			journal.replay((entry) -> {
			});
			WriterGate gate = WriterGate.hold(journal,
					() -> fromWriter.complete(journal.append(new BasinDeleted("from-writer"))));
			Thread appender = new Thread(() -> {
				for (int i = 0; i < 5; i++) {
					journal.append(new RecordsAppended("b", "s", Entries.bytes(1000, i)));
				}
			});
			appender.start();
			await().atMost(Duration.ofSeconds(60)).until(() -> appender.getState() == Thread.State.WAITING);
			gate.open();
			fromWriter.get(60, TimeUnit.SECONDS).get(60, TimeUnit.SECONDS);
			appender.join(TimeUnit.SECONDS.toMillis(60));
		}
		assertThat(replay(this.directory)).hasSize(6).contains("BasinDeleted[basin=from-writer]");
	}

	@Test
	void anInterruptedWaitFailsOnlyThatAppend() throws Exception {
		List<CompletableFuture<Void>> futures = Collections.synchronizedList(new ArrayList<>());
		try (FileJournal journal = FileJournal.open(this.directory, FileJournal.DEFAULT_SEGMENT_BYTES, 2048)) {
			journal.replay((entry) -> {
			});
			WriterGate gate = WriterGate.hold(journal);
			Thread appender = new Thread(() -> {
				for (int i = 0; i < 3; i++) {
					futures.add(journal.append(new RecordsAppended("b", "s", Entries.bytes(1000, i))));
				}
			});
			appender.start();
			await().atMost(Duration.ofSeconds(60)).until(() -> appender.getState() == Thread.State.WAITING);
			appender.interrupt();
			appender.join(TimeUnit.SECONDS.toMillis(60));
			gate.open();
			assertThat(futures).hasSize(3);
			futures.get(0).get(60, TimeUnit.SECONDS);
			futures.get(1).get(60, TimeUnit.SECONDS);
			assertThat(futures.get(2)).failsWithin(Duration.ofSeconds(60))
				.withThrowableThat()
				.havingCause()
				.isInstanceOf(JournalException.class)
				.withMessageContaining("Interrupted while waiting for room in the journal in");
		}
		assertThat(replay(this.directory)).hasSize(2);
	}

	@Test
	void aSecondJournalCannotOpenALockedDirectory() {
		try (FileJournal journal = FileJournal.open(this.directory)) {
			assertThatExceptionOfType(JournalException.class).isThrownBy(() -> FileJournal.open(this.directory))
				.withMessage("Journal directory " + journal.directory()
						+ " is in use by another server (its lock file journal.lock is held)");
		}
		FileJournal.open(this.directory).close();
	}

	@Test
	void createsMissingDirectoriesAndRejectsAFileAsDirectory() throws IOException {
		Path nested = this.directory.resolve("a/b/c");
		FileJournal.open(nested).close();
		assertThat(nested.resolve("journal.lock")).exists();
		Path file = Files.writeString(this.directory.resolve("file"), "x");
		assertThatExceptionOfType(JournalException.class).isThrownBy(() -> FileJournal.open(file))
			.withMessage("Cannot create or open the journal directory " + file);
	}

	@Test
	void rejectsSizesThatCannotWork() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> FileJournal.open(this.directory, 8, 100))
			.withMessage("segmentBytes must exceed 8 and queueBytes must be positive, but were 8 and 100");
	}

	@Test
	void segmentsRollAtTheSizeLimit() throws IOException {
		List<JournalEntry> entries = new ArrayList<>();
		IntStream.range(0, 50).forEach((i) -> entries.add(new RecordsAppended("b", "s", Entries.bytes(100, i))));
		entries.add(new RecordsAppended("b", "big", Entries.bytes(3000, 1)));
		entries.add(new BasinDeleted("after-big"));
		try (FileJournal journal = FileJournal.open(this.directory, 1024, FileJournal.DEFAULT_QUEUE_BYTES)) {
			journal.replay((entry) -> {
			});
			entries.forEach((entry) -> journal.append(entry).join());
		}
		List<Path> segments = segments(this.directory);
		assertThat(segments).hasSizeGreaterThan(5);
		assertThat(segments.get(0).getFileName()).hasToString("journal-00000000000000000000.seg");
		for (int i = 0; i < segments.size(); i++) {
			long size = Files.size(segments.get(i));
			if (i == segments.size() - 2) {
				assertThat(size).as("the big entry's segment")
					.isEqualTo(Segments.HEADER_BYTES + EntryCodec.encode(entries.get(50)).length);
			}
			else {
				assertThat(size).isLessThanOrEqualTo(1024);
			}
		}
		assertThat(replay(this.directory)).isEqualTo(Entries.describe(entries));
	}

	@Test
	void replaysAJournalOfManyEntriesAcrossSegmentsInOrder() throws Exception {
		int count = 20_000;
		try (FileJournal journal = FileJournal.open(this.directory, 64 * 1024, FileJournal.DEFAULT_QUEUE_BYTES)) {
			journal.replay((entry) -> {
			});
			CompletableFuture<Void> last = null;
			for (int seq = 0; seq < count; seq++) {
				last = journal.append(Entries.numbered(0, seq));
			}
			last.get(60, TimeUnit.SECONDS);
		}
		assertThat(segments(this.directory)).hasSizeGreaterThan(5);
		int[] next = { 0 };
		try (FileJournal journal = FileJournal.open(this.directory)) {
			journal.replay((entry) -> assertThat(Entries.number(entry)).containsExactly(0, next[0]++));
		}
		assertThat(next[0]).isEqualTo(count);
	}

	@Test
	void aFailedWriteFailsThatGroupAndEveryLaterAppend() throws Exception {
		FileJournal journal = FileJournal.open(this.directory);
		journal.replay((entry) -> {
		});
		journal.append(new BasinDeleted("durable")).join();
		journal.segmentChannel().close();
		CompletableFuture<Void> failed = journal.append(new BasinDeleted("lost"));
		assertThatExceptionOfType(CompletionException.class).isThrownBy(failed::join)
			.havingCause()
			.isInstanceOf(JournalException.class)
			.withMessage(
					"Journal in " + journal.directory() + " failed to write or fsync; this and every later append fail")
			.havingCause()
			.isInstanceOf(ClosedChannelException.class);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThatExceptionOfType(CompletionException.class)
				.isThrownBy(() -> journal.append(new BasinDeleted("later")).join())
				.havingCause()
				.withMessage("Journal in " + journal.directory() + " failed earlier and accepts no appends"));
		journal.close();
		assertThat(replay(this.directory)).containsExactly("BasinDeleted[basin=durable]");
	}

	@Test
	void appendsQueuedWhileAGroupFailsFailWithIt() throws Exception {
		CompletableFuture<CompletableFuture<Void>> later = new CompletableFuture<>();
		FileJournal journal = FileJournal.open(this.directory);
		journal.replay((entry) -> {
		});
		WriterGate gate = WriterGate.hold(journal);
		CompletableFuture<Void> failing = journal.append(new BasinDeleted("failing"));
		failing.whenComplete((result, ex) -> later.complete(journal.append(new BasinDeleted("later"))));
		journal.segmentChannel().close();
		gate.open();
		String message = "Journal in " + journal.directory()
				+ " failed to write or fsync; this and every later append fail";
		assertThat(failing).failsWithin(Duration.ofSeconds(60)).withThrowableThat().havingCause().withMessage(message);
		assertThat(later.get(60, TimeUnit.SECONDS)).failsWithin(Duration.ofSeconds(60))
			.withThrowableThat()
			.havingCause()
			.withMessage(message);
		journal.close();
		assertThat(replay(this.directory)).isEmpty();
	}

	@Test
	void anInterruptedCloseStillWaitsForTheWriterAndKeepsTheInterrupt() throws Exception {
		FileJournal journal = FileJournal.open(this.directory);
		journal.replay((entry) -> {
		});
		WriterGate gate = WriterGate.hold(journal);
		CompletableFuture<Void> pending = journal.append(new BasinDeleted("pending"));
		CompletableFuture<Boolean> interruptedAfterClose = new CompletableFuture<>();
		Thread closer = new Thread(() -> {
			journal.close();
			interruptedAfterClose.complete(Thread.currentThread().isInterrupted());
		});
		closer.start();
		await().atMost(Duration.ofSeconds(60)).until(() -> closer.getState() == Thread.State.WAITING);
		closer.interrupt();
		await().atMost(Duration.ofSeconds(60)).until(() -> closer.getState() == Thread.State.WAITING);
		assertThat(interruptedAfterClose).isNotDone();
		gate.open();
		assertThat(interruptedAfterClose.get(60, TimeUnit.SECONDS)).isTrue();
		assertThat(pending).isCompleted();
		assertThat(replay(this.directory)).containsExactly("BasinDeleted[basin=pending]");
	}

	@Test
	void aSegmentThatCannotBeReadFailsReplay() throws IOException {
		Files.createDirectories(Segments.path(this.directory, 0));
		try (FileJournal journal = FileJournal.open(this.directory)) {
			assertThatExceptionOfType(JournalException.class).isThrownBy(() -> journal.replay((entry) -> {
			}))
				.withMessage("Cannot read or repair the journal in " + journal.directory())
				.withCauseInstanceOf(IOException.class);
		}
	}

	@Test
	void closeWritesEveryAcceptedAppendAndLaterAppendsFail() throws Exception {
		FileJournal journal = FileJournal.open(this.directory);
		journal.replay((entry) -> {
		});
		WriterGate gate = WriterGate.hold(journal);
		List<CompletableFuture<Void>> futures = IntStream.range(0, 50)
			.mapToObj((i) -> journal.append(Entries.numbered(0, i)))
			.toList();
		Thread closer = new Thread(journal::close);
		closer.start();
		await().atMost(Duration.ofSeconds(60)).until(() -> closer.getState() == Thread.State.WAITING);
		assertThatExceptionOfType(CompletionException.class)
			.isThrownBy(() -> journal.append(new BasinDeleted("too-late")).join())
			.havingCause()
			.isInstanceOf(JournalException.class)
			.withMessage("Journal in " + journal.directory() + " is closed");
		gate.open();
		closer.join(TimeUnit.SECONDS.toMillis(60));
		assertThat(futures).allMatch((future) -> future.isDone() && !future.isCompletedExceptionally());
		journal.close();
		assertThat(replay(this.directory)).hasSize(50);
	}

	@Test
	void closeWithoutReplayReleasesTheDirectory() {
		FileJournal journal = FileJournal.open(this.directory);
		journal.close();
		journal.close();
		assertThat(journal.append(new BasinDeleted("x"))).isCompletedExceptionally();
		FileJournal.open(this.directory).close();
	}

	@Test
	void closeFromACompletionOnTheWriterThreadReleasesTheDirectory() throws Exception {
		FileJournal journal = FileJournal.open(this.directory);
		journal.replay((entry) -> {
		});
		WriterGate gate = WriterGate.hold(journal, journal::close);
		gate.open();
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> FileJournal.open(this.directory).close());
		assertThat(replay(this.directory)).isEmpty();
	}

	@Test
	void anEntryThatCannotBeEncodedFailsOnlyItsOwnAppend() {
		try (FileJournal journal = FileJournal.open(this.directory)) {
			journal.replay((entry) -> {
			});
			byte[] huge = new byte[EntryCodec.MAX_PAYLOAD_BYTES + 1];
			assertThat(journal.append(new RecordsAppended("b", "s", huge))).failsWithin(Duration.ofSeconds(60))
				.withThrowableThat()
				.havingCause()
				.isInstanceOf(IllegalArgumentException.class);
			journal.append(new BasinDeleted("fine")).join();
		}
		assertThat(replay(this.directory)).containsExactly("BasinDeleted[basin=fine]");
	}

	static List<String> replay(Path directory) {
		Entries.Collector collector = new Entries.Collector();
		try (FileJournal journal = FileJournal.open(directory)) {
			journal.replay(collector);
		}
		return collector.described();
	}

	static void appendAll(Path directory, JournalEntry... entries) {
		try (FileJournal journal = FileJournal.open(directory)) {
			journal.replay((entry) -> {
			});
			for (JournalEntry entry : entries) {
				journal.append(entry).join();
			}
		}
	}

	static List<Path> segments(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".seg")).sorted().toList();
		}
	}

}
