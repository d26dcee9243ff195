package io.github.s2spring.embedded.auth;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import io.github.s2spring.embedded.storage.Journal;
import io.github.s2spring.embedded.storage.JournalEntry;

/**
 * A journal that shows every entry replayed at start to one more consumer, so that the
 * token store rebuilds itself from the same replay as the store of basins and streams.
 * Everything else goes to the wrapped journal.
 */
public final class JournalTap implements Journal {

	private final Journal journal;

	private final Consumer<JournalEntry> replayed;

	/**
	 * Wraps a journal.
	 * @param journal the journal
	 * @param replayed sees each replayed entry, before the replay's own consumer
	 */
	public JournalTap(Journal journal, Consumer<JournalEntry> replayed) {
		this.journal = journal;
		this.replayed = replayed;
	}

	@Override
	public CompletableFuture<Void> append(JournalEntry entry) {
		return this.journal.append(entry);
	}

	@Override
	public void replay(Consumer<JournalEntry> consumer) {
		this.journal.replay((entry) -> {
			this.replayed.accept(entry);
			consumer.accept(entry);
		});
	}

	@Override
	public void close() {
		this.journal.close();
	}

}
