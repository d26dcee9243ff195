package io.github.s2spring.embedded.storage.file;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.s2spring.embedded.storage.JournalEntry.BasinDeleted;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds a journal's writer thread inside a completion callback (futures complete on the
 * writer thread), so a test can queue appends while nothing is written, then lets it go.
 */
final class WriterGate {

	private final CountDownLatch release = new CountDownLatch(1);

	private final Runnable onRelease;

	private WriterGate(Runnable onRelease) {
		this.onRelease = onRelease;
	}

	/**
	 * Appends entries until one's callback runs on the writer thread, and holds it there.
	 * @param journal the journal, replayed
	 * @param onRelease runs on the writer thread when the gate opens
	 * @return the closed gate
	 */
	static WriterGate hold(FileJournal journal, Runnable onRelease) throws Exception {
		WriterGate gate = new WriterGate(onRelease);
		for (int attempt = 0; attempt < 100; attempt++) {
			CompletableFuture<Boolean> onWriter = new CompletableFuture<>();
			journal.append(new BasinDeleted("gate-" + attempt)).thenRun(() -> {
				boolean writer = Thread.currentThread().getName().startsWith("s2-journal-writer");
				onWriter.complete(writer);
				if (writer) {
					gate.awaitRelease();
				}
			});
			if (onWriter.get(30, TimeUnit.SECONDS)) {
				return gate;
			}
		}
		throw new AssertionError("no append completed on the writer thread");
	}

	static WriterGate hold(FileJournal journal) throws Exception {
		return hold(journal, () -> {
		});
	}

	void open() {
		this.release.countDown();
	}

	private void awaitRelease() {
		try {
			assertThat(this.release.await(60, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.onRelease.run();
	}

}
