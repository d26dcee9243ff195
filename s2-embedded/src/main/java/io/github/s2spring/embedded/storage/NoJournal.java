package io.github.s2spring.embedded.storage;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The journal of the in-memory mode: nothing is written and nothing is replayed.
 */
final class NoJournal implements Journal {

	static final NoJournal INSTANCE = new NoJournal();

	private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

	private NoJournal() {
	}

	@Override
	public CompletableFuture<Void> append(JournalEntry entry) {
		return DONE;
	}

	@Override
	public void replay(Consumer<JournalEntry> consumer) {
	}

	@Override
	public void close() {
	}

}
