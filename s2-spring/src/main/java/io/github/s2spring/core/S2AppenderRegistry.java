package io.github.s2spring.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.log.LogAccessor;

import io.github.s2spring.client.S2Client;
import io.github.s2spring.client.error.TransportException;

/**
 * The per-stream appenders of a template: one per stream (and fencing token, for sends
 * that carry one), created on the first send to it, all sharing the client's HTTP/2
 * connections (so 10,000 active streams take a few connections and no thread each).
 * Appenders idle for {@link S2AppenderOptions#idleTimeout()} close their session.
 * <p>
 * A {@link SmartLifecycle} in phase {@value #PHASE}, so that listener containers (which
 * may send) stop before it: stopping flushes every appender within
 * {@link S2AppenderOptions#closeTimeout()}, then closes the sessions; sends after that
 * fail with a {@link TransportException} ({@code closed}).
 */
public class S2AppenderRegistry implements SmartLifecycle, DisposableBean {

	/**
	 * The lifecycle phase: after listener containers ({@code Integer.MAX_VALUE - 100}).
	 */
	public static final int PHASE = Integer.MAX_VALUE - 200;

	private static final LogAccessor logger = new LogAccessor(S2AppenderRegistry.class);

	private final S2Client client;

	private final S2AppenderOptions options;

	private final Map<Key, S2StreamAppender> appenders = new ConcurrentHashMap<>();

	private final ScheduledExecutorService sweeper;

	private final Object closedLock = new Object();

	private final Map<String, Closed> closed = new ConcurrentHashMap<>();

	private volatile boolean running = true;

	private volatile boolean stopped;

	private volatile boolean destroyed;

	/**
	 * Creates a registry.
	 * @param client the client whose connections the appenders share
	 * @param options how appenders behave
	 */
	public S2AppenderRegistry(S2Client client, S2AppenderOptions options) {
		this.client = client;
		this.options = options;
		this.sweeper = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "s2-appender-sweeper");
			thread.setDaemon(true);
			return thread;
		});
		long period = Math.max(50, options.idleTimeout().toMillis() / 4);
		this.sweeper.scheduleWithFixedDelay(this::closeIdle, period, period, TimeUnit.MILLISECONDS);
	}

	/**
	 * How the appenders behave.
	 * @return the options
	 */
	public S2AppenderOptions getOptions() {
		return this.options;
	}

	/**
	 * The appender of a stream and fencing token, created if needed.
	 * @throws TransportException ({@code closed}) once the registry stopped
	 */
	S2StreamAppender appender(String basin, String stream, @Nullable String fencingToken) {
		if (this.stopped) {
			throw TransportException.closed("The S2 template (stopped)");
		}
		return this.appenders.computeIfAbsent(new Key(basin, stream, fencingToken),
				(key) -> new S2StreamAppender(this.client, basin, stream, fencingToken, this.options));
	}

	/**
	 * Forgets a closed appender, so that the next send creates a new one.
	 */
	void remove(S2StreamAppender appender) {
		synchronized (this.closedLock) {
			if (this.appenders.remove(new Key(appender.basin(), appender.stream(), appender.fencingToken()),
					appender)) {
				retire(appender.snapshot());
			}
		}
	}

	private void retire(S2AppenderState state) {
		this.closed.computeIfAbsent(state.basin(), (basin) -> new Closed()).add(state);
	}

	/**
	 * Completes when every send made before it, to any stream, is acknowledged or failed.
	 * @return the future
	 */
	public CompletableFuture<Void> flush() {
		return CompletableFuture
			.allOf(this.appenders.values().stream().map(S2StreamAppender::flush).toArray(CompletableFuture[]::new));
	}

	/**
	 * Completes when every send made before it to one stream is acknowledged or failed.
	 * @param basin the basin
	 * @param stream the stream
	 * @return the future
	 */
	public CompletableFuture<Void> flush(String basin, String stream) {
		return CompletableFuture.allOf(this.appenders.values()
			.stream()
			.filter((appender) -> appender.basin().equals(basin) && appender.stream().equals(stream))
			.map(S2StreamAppender::flush)
			.toArray(CompletableFuture[]::new));
	}

	/**
	 * A snapshot of every open appender.
	 * @return the states, in no particular order
	 */
	public List<S2AppenderState> appenders() {
		List<S2AppenderState> states = new ArrayList<>(this.appenders.size());
		for (S2StreamAppender appender : this.appenders.values()) {
			states.add(appender.snapshot());
		}
		return states;
	}

	/**
	 * A snapshot of the appender of one stream (the one without a fencing token).
	 * @param basin the basin
	 * @param stream the stream
	 * @return the state, or {@code null} if the stream has no open appender
	 */
	public @Nullable S2AppenderState appender(String basin, String stream) {
		S2StreamAppender appender = this.appenders.get(new Key(basin, stream, null));
		return (appender != null) ? appender.snapshot() : null;
	}

	/**
	 * The basins that have or had appenders.
	 * @return the basins, in no particular order
	 */
	public List<String> basins() {
		synchronized (this.closedLock) {
			List<String> basins = new ArrayList<>(this.closed.keySet());
			for (Key key : this.appenders.keySet()) {
				if (!basins.contains(key.basin())) {
					basins.add(key.basin());
				}
			}
			return basins;
		}
	}

	/**
	 * The appenders of a basin taken together, including those that closed.
	 * @param basin the basin
	 * @return the totals
	 */
	public S2AppenderTotals totals(String basin) {
		synchronized (this.closedLock) {
			Closed before = this.closed.get(basin);
			int count = 0;
			long pending = 0;
			long inflight = 0;
			long reconnects = (before != null) ? before.reconnects : 0;
			long sent = (before != null) ? before.sent : 0;
			long failed = (before != null) ? before.failed : 0;
			for (S2StreamAppender appender : this.appenders.values()) {
				if (appender.basin().equals(basin)) {
					S2AppenderState state = appender.snapshot();
					count++;
					pending += state.pendingSends();
					inflight += state.inflightBytes();
					reconnects += state.reconnects();
					sent += state.sent();
					failed += state.failed();
				}
			}
			return new S2AppenderTotals(count, pending, inflight, reconnects, sent, failed);
		}
	}

	private void closeIdle() {
		long now = System.nanoTime();
		for (S2StreamAppender appender : this.appenders.values()) {
			if (appender.closeIfIdle(now)) {
				remove(appender);
				logger.debug(() -> "Closed the idle appender of S2 stream '" + appender.stream() + "'");
			}
		}
	}

	/**
	 * Starts, or starts again after {@link #stop()} (a paused application context is
	 * stopped and started again): sends are accepted again, each stream opening a new
	 * appender. Does nothing once destroyed.
	 */
	@Override
	public void start() {
		if (this.destroyed) {
			return;
		}
		this.stopped = false;
		this.running = true;
	}

	@Override
	public void stop() {
		if (!this.running) {
			return;
		}
		this.running = false;
		this.stopped = true;
		try {
			flush().get(this.options.closeTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			logger.warn(() -> "Some S2 sends were not acknowledged within " + this.options.closeTimeout()
					+ "; closing anyway");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (Exception ex) {
			logger.debug(ex, "Flush on stop failed");
		}
		List<CompletableFuture<Void>> closing = new ArrayList<>();
		synchronized (this.closedLock) {
			for (S2StreamAppender appender : this.appenders.values()) {
				closing.add(appender.close());
				retire(appender.snapshot());
			}
			this.appenders.clear();
		}
		try {
			CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new))
				.get(Math.max(1, this.options.closeTimeout().toMillis()), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (Exception ex) {
			logger.debug(ex, "Closing the append sessions on stop failed");
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	@Override
	public void destroy() {
		this.destroyed = true;
		stop();
		this.stopped = true; // also when it never ran, and stop() had nothing to do
		this.sweeper.shutdownNow();
	}

	private record Key(String basin, String stream, @Nullable String fencingToken) {

	}

	/**
	 * What the closed appenders of a basin did; guarded by the registry's lock.
	 */
	private static final class Closed {

		long reconnects;

		long sent;

		long failed;

		void add(S2AppenderState state) {
			this.reconnects += state.reconnects();
			this.sent += state.sent();
			this.failed += state.failed();
		}

	}

}
