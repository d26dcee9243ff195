package io.github.s2spring.listener;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;

import org.springframework.core.log.LogAccessor;

import io.github.s2spring.client.S2Client;
import io.github.s2spring.listener.PositionLog.StreamKey;

/**
 * Positions kept in S2 streams of the application's own, one per listener id
 * ({@code s2-positions/<listener id>} in a basin of the application's choice), so that a
 * restarted application resumes where it stopped.
 * <p>
 * {@link #save} never blocks: it records the position and appends it in the background,
 * together with the positions saved while the previous append was in flight, so a store
 * writes at most one append at a time per listener. After every
 * {@link #setCompactAfter(int) compact-after} updates it appends a snapshot of every
 * position and trims the records before it, so that loading reads little.
 * {@link #flush()}, called when containers stop, waits for everything saved before.
 * <p>
 * A position lost because the application died before its append was durable makes the
 * listener see the last messages again; none is ever skipped. Two applications must not
 * use the same listener id in the same basin at the same time.
 */
public class StreamS2PositionStore implements S2PositionStore {

	/** The default prefix of position streams. */
	public static final String DEFAULT_STREAM_PREFIX = "s2-positions/";

	private static final LogAccessor logger = new LogAccessor(StreamS2PositionStore.class);

	private final S2Client client;

	private final String basin;

	private final String streamPrefix;

	private final Map<String, ListenerPositions> listeners = new ConcurrentHashMap<>();

	private int compactAfter = 100;

	private Duration flushTimeout = Duration.ofSeconds(10);

	/**
	 * Creates a store with position streams named {@code s2-positions/<listener id>}.
	 * @param client the client
	 * @param basin the basin of the position streams
	 */
	public StreamS2PositionStore(S2Client client, String basin) {
		this(client, basin, DEFAULT_STREAM_PREFIX);
	}

	/**
	 * Creates a store.
	 * @param client the client
	 * @param basin the basin of the position streams
	 * @param streamPrefix the prefix of the position streams' names
	 */
	public StreamS2PositionStore(S2Client client, String basin, String streamPrefix) {
		this.client = client;
		this.basin = basin;
		this.streamPrefix = streamPrefix;
	}

	/**
	 * Sets after how many updates a snapshot is written and older records trimmed, 100 by
	 * default.
	 * @param compactAfter at least 1
	 */
	public void setCompactAfter(int compactAfter) {
		if (compactAfter < 1) {
			throw new IllegalArgumentException("compactAfter must be at least 1, got " + compactAfter);
		}
		this.compactAfter = compactAfter;
	}

	/**
	 * Sets how long {@link #flush()} waits, 10 s by default.
	 * @param flushTimeout the timeout
	 */
	public void setFlushTimeout(Duration flushTimeout) {
		this.flushTimeout = flushTimeout;
	}

	/**
	 * The name of a listener's position stream.
	 * @param listenerId the listener id
	 * @return the stream name
	 */
	public String streamName(String listenerId) {
		return this.streamPrefix + listenerId;
	}

	@Override
	public OptionalLong load(String listenerId, String basin, String stream) {
		Long position = positions(listenerId).load(new StreamKey(basin, stream));
		return (position != null) ? OptionalLong.of(position) : OptionalLong.empty();
	}

	@Override
	public void save(String listenerId, String basin, String stream, long nextSeqNum) {
		positions(listenerId).save(new StreamKey(basin, stream), nextSeqNum);
	}

	/**
	 * Waits until every position saved before is durable.
	 * @throws IllegalStateException if that takes longer than the flush timeout or the
	 * appends fail
	 */
	@Override
	public void flush() {
		long deadline = System.nanoTime() + this.flushTimeout.toNanos();
		for (ListenerPositions positions : this.listeners.values()) {
			positions.flush(deadline);
		}
	}

	private ListenerPositions positions(String listenerId) {
		return this.listeners.computeIfAbsent(listenerId,
				(id) -> new ListenerPositions(new PositionLog(this.client, this.basin, streamName(id))));
	}

	/**
	 * The positions of one listener and its log.
	 */
	private final class ListenerPositions {

		private final PositionLog log;

		private final Map<StreamKey, Long> positions = new HashMap<>();

		private Map<StreamKey, Long> dirty = new LinkedHashMap<>();

		private boolean loaded;

		private int updates;

		private CompletableFuture<Void> inFlight = CompletableFuture.completedFuture(null);

		private boolean appending;

		ListenerPositions(PositionLog log) {
			this.log = log;
		}

		synchronized @Nullable Long load(StreamKey key) {
			replayOnce();
			return this.positions.get(key);
		}

		private void replayOnce() {
			if (!this.loaded) {
				Map<StreamKey, Long> replayed = new HashMap<>();
				this.updates = this.log.replay(replayed);
				replayed.forEach(this.positions::putIfAbsent);
				this.loaded = true;
				logger.debug(() -> "Loaded " + this.positions.size() + " positions from " + this.log.name());
			}
		}

		synchronized void save(StreamKey key, long position) {
			replayOnce();
			this.positions.put(key, position);
			this.dirty.put(key, position);
			appendIfIdle();
		}

		private void appendIfIdle() {
			if (this.appending || this.dirty.isEmpty()) {
				return;
			}
			this.appending = true;
			boolean snapshot = this.updates >= StreamS2PositionStore.this.compactAfter;
			Map<StreamKey, Long> batch = snapshot ? new LinkedHashMap<>(this.positions) : this.dirty;
			this.dirty = new LinkedHashMap<>();
			CompletableFuture<Void> appended = this.log.append(batch, snapshot)
				.thenCompose((first) -> snapshot ? this.log.trim(first) : CompletableFuture.completedFuture(null))
				.whenComplete((ignored, failure) -> appended(batch, snapshot, failure));
			this.inFlight = appended;
		}

		private synchronized void appended(Map<StreamKey, Long> batch, boolean snapshot, @Nullable Throwable failure) {
			this.appending = false;
			if (failure != null) {
				logger.warn(() -> "Cannot append positions to " + this.log.name() + "; retrying with the next save: "
						+ failure);
				batch.forEach(this.dirty::putIfAbsent);
				return;
			}
			this.updates = snapshot ? 0 : this.updates + 1;
			appendIfIdle();
		}

		void flush(long deadline) {
			while (true) {
				CompletableFuture<Void> waiting;
				synchronized (this) {
					if (!this.appending) {
						if (this.dirty.isEmpty()) {
							return;
						}
						appendIfIdle();
					}
					waiting = this.inFlight;
				}
				try {
					waiting.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("Interrupted while flushing positions", ex);
				}
				catch (ExecutionException ex) {
					throw new IllegalStateException("Cannot flush positions to " + this.log.name(), ex.getCause());
				}
				catch (TimeoutException ex) {
					throw new IllegalStateException("Positions not flushed to " + this.log.name() + " in time", ex);
				}
			}
		}

	}

}
