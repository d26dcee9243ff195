package io.github.s2spring.embedded;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.embedded.storage.Journal;
import io.github.s2spring.embedded.storage.file.FileJournal;

/**
 * Chooses the journal for a server: none in memory, the on-disk journal for a data
 * directory.
 */
final class Journals {

	private Journals() {
	}

	static Journal open(@Nullable Path dataDir) {
		if (dataDir == null) {
			return Journal.none();
		}
		return FileJournal.open(dataDir);
	}

}
