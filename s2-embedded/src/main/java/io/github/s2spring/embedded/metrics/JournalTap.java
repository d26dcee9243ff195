package io.github.s2spring.embedded.metrics;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import io.github.s2spring.embedded.storage.Journal;
import io.github.s2spring.embedded.storage.JournalEntry;

/**
 * A journal that lets other parts of the server see its entries: every entry replayed at
 * start (the token store rebuilds itself from them) and every entry appended while
 * running (the metrics count appends from them). Writes go to the wrapped journal.
 */
public final class JournalTap implements Journal {

	private final Journal journal;

	private final Consumer<JournalEntry> replayed;

	private final Consumer<JournalEntry> appended;

	/**
	 * Wraps a journal.
	 * @param journal the journal
	 * @param replayed sees each replayed entry, before the replay's own consumer
	 * @param appended sees each appended entry, before it is written
	 */
	public JournalTap(Journal journal, Consumer<JournalEntry> replayed, Consumer<JournalEntry> appended) {
		this.journal = journal;
		this.replayed = replayed;
		this.appended = appended;
	}

	@Override
	public CompletableFuture<Void> append(JournalEntry entry) {
		this.appended.accept(entry);
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
