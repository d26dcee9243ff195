package io.github.s2spring.embedded.storage;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Records every change of the server's state so that it survives a restart. The in-memory
 * state is the source of truth while the server runs; the journal only makes it durable.
 * Implementations are thread-safe.
 */
public interface Journal extends AutoCloseable {

	/**
	 * Writes an entry. Entries are written in call order; the returned future completes
	 * when this entry and every entry before it are on stable storage (fsynced), so that
	 * an acknowledgement sent after it completes is never lost.
	 * @param entry the entry
	 * @return a future completed once the entry is durable, or failed if it cannot be
	 */
	CompletableFuture<Void> append(JournalEntry entry);

	/**
	 * Replays every intact entry, oldest first. Called once, before the first
	 * {@link #append}. A torn or corrupt tail (from a crash in the middle of a write) is
	 * detected and cut, and later appends continue after the last intact entry.
	 * @param consumer receives the entries in order
	 */
	void replay(Consumer<JournalEntry> consumer);

	/**
	 * Flushes and releases the journal's files and threads.
	 */
	@Override
	void close();

	/**
	 * A journal that keeps nothing: every append completes at once. The server's default.
	 * @return the journal
	 */
	static Journal none() {
		return NoJournal.INSTANCE;
	}

}
