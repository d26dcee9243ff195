package io.github.s2spring.embedded.store;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.embedded.storage.JournalEntry;

/**
 * What basins and streams share and a {@link Registry} relies on: a name, a creation
 * time, a configuration, a pending deletion, and the journal entries that make them
 * durable.
 *
 * @param <S> the configuration type
 */
abstract class Resource<S> {

	private final String name;

	private final Instant createdAt;

	private volatile S spec;

	private volatile @Nullable Instant deletedAt;

	Resource(String name, S spec, Instant createdAt) {
		this.name = name;
		this.spec = spec;
		this.createdAt = createdAt;
	}

	/**
	 * The name.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * When it was created.
	 * @return the instant
	 */
	public Instant createdAt() {
		return this.createdAt;
	}

	/**
	 * When its deletion was requested, if it was.
	 * @return the instant or {@code null}
	 */
	public @Nullable Instant deletedAt() {
		return this.deletedAt;
	}

	/**
	 * The configuration as set (unset fields resolve to defaults).
	 * @return the configuration
	 */
	public S spec() {
		return this.spec;
	}

	void spec(S spec) {
		this.spec = spec;
	}

	void markDeleted(Instant at) {
		this.deletedAt = at;
	}

	/**
	 * Whether the configuration already is the one asked for, so that an ensure changes
	 * nothing.
	 * @param requested the configuration asked for
	 * @return whether nothing would change
	 */
	abstract boolean configuredAs(S requested);

	abstract JournalEntry putEntry();

	abstract JournalEntry deletedEntry();

}
