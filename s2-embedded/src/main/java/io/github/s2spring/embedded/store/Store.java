package io.github.s2spring.embedded.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import com.google.protobuf.InvalidProtocolBufferException;
import org.jspecify.annotations.Nullable;
import s2.v1.ReadBatch;

import io.github.s2spring.embedded.config.BasinSpec;
import io.github.s2spring.embedded.config.ConfigJson;
import io.github.s2spring.embedded.config.Json;
import io.github.s2spring.embedded.config.StreamSpec;
import io.github.s2spring.embedded.error.ApiException;
import io.github.s2spring.embedded.storage.Journal;
import io.github.s2spring.embedded.storage.JournalEntry;

/**
 * All basins of the server, in memory, made durable through a {@link Journal}. A
 * background sweeper applies retention, deletes empty streams whose configuration asks
 * for it, and finishes pending deletions.
 */
public final class Store implements AutoCloseable {

	/** How long a deleted basin or stream stays visible as "deletion pending". */
	static final long DELETION_DELAY_MILLIS = 250;

	private static final long SWEEP_INTERVAL_MILLIS = 1000;

	private final Journal journal;

	private final StoreClock clock;

	private final Registry<Basin, BasinSpec> basins = new Registry<>(this, Registry.Kind.BASIN);

	private final ScheduledExecutorService scheduler;

	private final ExecutorService committer;

	/**
	 * Creates a store and rebuilds its state from the journal.
	 * @param journal the journal
	 * @param clock the clock
	 */
	public Store(Journal journal, StoreClock clock) {
		this.journal = journal;
		this.clock = clock;
		this.scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "s2-embedded-sweeper");
			thread.setDaemon(true);
			return thread;
		});
		this.committer = Executors.newSingleThreadExecutor((task) -> {
			Thread thread = new Thread(task, "s2-embedded-committer");
			thread.setDaemon(true);
			return thread;
		});
		journal.replay(this::replay);
		this.scheduler.scheduleWithFixedDelay(this::sweep, SWEEP_INTERVAL_MILLIS, SWEEP_INTERVAL_MILLIS,
				TimeUnit.MILLISECONDS);
	}

	Journal journal() {
		return this.journal;
	}

	StoreClock clock() {
		return this.clock;
	}

	Executor committer() {
		return this.committer;
	}

	void later(Runnable task) {
		this.scheduler.schedule(task, DELETION_DELAY_MILLIS, TimeUnit.MILLISECONDS);
	}

	/**
	 * Lists basins.
	 * @param prefix names must start with this
	 * @param startAfter names must sort after this
	 * @param limit most items
	 * @return the page
	 */
	public ListPage<Basin> listBasins(String prefix, String startAfter, int limit) {
		return this.basins.list(prefix, startAfter, limit);
	}

	/**
	 * Creates a basin; a retry with the same request token and configuration is a no-op.
	 * @param name the name
	 * @param spec the configuration
	 * @param token the {@code s2-request-token}, or {@code null}
	 * @return the basin and what happened
	 */
	public Provisioned<Basin> createBasin(String name, BasinSpec spec, @Nullable String token) {
		return this.basins.create(name, spec, token, () -> newBasin(name, spec));
	}

	/**
	 * Creates a basin or sets its configuration.
	 * @param name the name
	 * @param spec the configuration
	 * @return the basin and what happened
	 */
	public Provisioned<Basin> ensureBasin(String name, BasinSpec spec) {
		return this.basins.ensure(name, spec, () -> newBasin(name, spec));
	}

	/**
	 * Reconfigures a basin.
	 * @param name the name
	 * @param change the change to apply
	 * @return the basin
	 */
	public Basin reconfigureBasin(String name, UnaryOperator<BasinSpec> change) {
		return this.basins.reconfigure(name, change);
	}

	/**
	 * Requests deletion of a basin and its streams; it disappears shortly after. Asking
	 * again while the deletion is pending succeeds.
	 * @param name the name
	 */
	public void deleteBasin(String name) {
		this.basins.delete(name);
	}

	/**
	 * An active basin.
	 * @param name the name
	 * @return the basin
	 * @throws ApiException 404 if missing, 409 if being deleted
	 */
	public Basin basin(String name) {
		return this.basins.active(name);
	}

	/**
	 * An active basin, if there is one.
	 * @param name the name
	 * @return the basin, or {@code null} if it is missing or being deleted
	 */
	public @Nullable Basin findBasin(String name) {
		Basin basin = this.basins.get(name);
		return (basin != null && basin.deletedAt() == null) ? basin : null;
	}

	void requireActive(Basin basin) {
		this.basins.requireActive(basin);
	}

	private Basin newBasin(String name, BasinSpec spec) {
		return new Basin(this, name, spec, Instant.ofEpochMilli(this.clock.millis()));
	}

	private void replay(JournalEntry entry) {
		if (entry instanceof JournalEntry.BasinPut put) {
			BasinSpec spec = ConfigJson.readBasin(Json.parse(put.configJson()));
			this.basins.replay(put.basin(), spec,
					() -> new Basin(this, put.basin(), spec, Instant.ofEpochMilli(put.createdAtMillis())));
		}
		else if (entry instanceof JournalEntry.BasinDeleted deleted) {
			Basin basin = this.basins.get(deleted.basin());
			if (basin != null) {
				this.basins.remove(basin);
			}
		}
		else if (entry instanceof JournalEntry.StreamPut put) {
			Basin basin = this.basins.get(put.basin());
			if (basin != null) {
				StreamSpec spec = ConfigJson.readStream(Json.parse(put.configJson()));
				basin.replayStream(put.stream(), spec, put.createdAtMillis());
			}
		}
		else if (entry instanceof JournalEntry.StreamDeleted deleted) {
			Basin basin = this.basins.get(deleted.basin());
			Stream stream = (basin != null) ? basin.existingStream(deleted.stream()) : null;
			if (stream != null) {
				basin.removeStream(stream);
			}
		}
		else if (entry instanceof JournalEntry.RecordsAppended appended) {
			Basin basin = this.basins.get(appended.basin());
			Stream stream = (basin != null) ? basin.existingStream(appended.stream()) : null;
			if (stream != null) {
				stream.replay(parseBatch(appended.readBatch()));
			}
		}
	}

	private static ReadBatch parseBatch(byte[] bytes) {
		try {
			return ReadBatch.parseFrom(bytes);
		}
		catch (InvalidProtocolBufferException ex) {
			throw new IllegalStateException("Corrupt journal entry: " + new String(bytes, StandardCharsets.ISO_8859_1),
					ex);
		}
	}

	/**
	 * Applies retention and delete-on-empty to every stream. Runs periodically; public
	 * for tests.
	 */
	public void sweep() {
		long now = this.clock.millis();
		for (Basin basin : this.basins.all()) {
			for (Stream stream : basin.streams()) {
				try {
					sweep(basin, stream, now);
				}
				catch (RuntimeException ex) {
					// A stream that cannot be swept now is swept next time.
				}
			}
		}
	}

	private void sweep(Basin basin, Stream stream, long now) {
		if (stream.deletedAt() != null) {
			return;
		}
		StreamSpec resolved = stream.spec().resolved();
		long retention = resolved.retentionMillis();
		if (retention != Long.MAX_VALUE) {
			stream.expire(now - retention);
		}
		long minAge = resolved.deleteOnEmptyMinAgeSecs();
		if (minAge > 0 && stream.emptyAndIdleSince(now - minAge * 1000)) {
			basin.deleteStream(stream.name());
		}
	}

	@Override
	public void close() {
		this.scheduler.shutdownNow();
		this.committer.shutdown();
	}

}
