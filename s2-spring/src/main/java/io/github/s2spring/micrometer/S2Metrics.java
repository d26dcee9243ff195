package io.github.s2spring.micrometer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.core.log.LogAccessor;

import io.github.s2spring.core.S2AppenderRegistry;
import io.github.s2spring.core.S2AppenderState;
import io.github.s2spring.core.S2AppenderTotals;
import io.github.s2spring.listener.S2ListenerContainer;
import io.github.s2spring.listener.S2ListenerTotals;
import io.github.s2spring.listener.S2StreamState;

/**
 * Meters of listener containers and appenders, read lazily from their counters and
 * snapshots when a registry publishes, so that nothing is done per message:
 * <ul>
 * <li>per listener, tagged {@value #LISTENER_ID} and {@value #BASIN}:
 * {@value #LISTENER_MESSAGES}, {@value #LISTENER_RECORDS}, {@value #LISTENER_BYTES},
 * {@value #LISTENER_LAG}, {@value #LISTENER_RECONNECTS}, {@value #LISTENER_ERRORS} and
 * {@value #LISTENER_RECOVERED};</li>
 * <li>per basin of appenders, tagged {@value #BASIN}: {@value #APPENDER_QUEUE_DEPTH},
 * {@value #APPENDER_INFLIGHT} and {@value #APPENDER_RECONNECTS}.</li>
 * </ul>
 * By default the meters add up every stream, so that 10,000 streams make no more meters
 * than one, and their counters never decrease. With stream tags, each stream gets its own
 * meters, tagged {@value #STREAM} as well; they are removed when the stream is no longer
 * read or its appender closes, and start from zero if it comes back.
 * <p>
 * Listeners and appenders come and go: {@link #refresh()}, run every
 * {@link #setRefreshInterval refresh interval} once bound, adds the meters of new ones
 * and removes those that are gone; as a bean, it also refreshes when the application
 * context is refreshed, so that the listeners registered at startup have meters at once.
 * Close it to stop refreshing and remove every meter.
 */
public final class S2Metrics implements MeterBinder, ApplicationListener<ContextRefreshedEvent>, AutoCloseable {

	/** Messages a listener processed (counter). */
	public static final String LISTENER_MESSAGES = "s2.listener.messages";

	/** Records a listener received (counter). */
	public static final String LISTENER_RECORDS = "s2.listener.records";

	/** Metered bytes a listener received (counter). */
	public static final String LISTENER_BYTES = "s2.listener.bytes";

	/** Records between a listener's position and the tail it saw (gauge). */
	public static final String LISTENER_LAG = "s2.listener.lag";

	/** Reconnections of a listener's read sessions (counter). */
	public static final String LISTENER_RECONNECTS = "s2.listener.reconnects";

	/**
	 * Failed deliveries, dropped frames, failed commits and failed sessions (counter).
	 */
	public static final String LISTENER_ERRORS = "s2.listener.errors";

	/** Messages handed to the recoverer, by default the dead-letter stream (counter). */
	public static final String LISTENER_RECOVERED = "s2.listener.recovered";

	/** Sends waiting or in flight in appenders (gauge). */
	public static final String APPENDER_QUEUE_DEPTH = "s2.appender.queue.depth";

	/** Metered bytes sent and not yet acknowledged (gauge). */
	public static final String APPENDER_INFLIGHT = "s2.appender.inflight";

	/** Reconnections of appenders' sessions (counter). */
	public static final String APPENDER_RECONNECTS = "s2.appender.reconnects";

	/** The tag of the listener id. */
	public static final String LISTENER_ID = "s2.listener.id";

	/** The tag of the basin. */
	public static final String BASIN = "s2.basin";

	/** The tag of the stream, present only with stream tags. */
	public static final String STREAM = "messaging.destination.name";

	private static final LogAccessor logger = new LogAccessor(S2Metrics.class);

	private static final S2ListenerTotals NO_LISTENER_TOTALS = new S2ListenerTotals(0, 0, 0, 0, 0, 0, 0);

	private static final S2AppenderTotals NO_APPENDER_TOTALS = new S2AppenderTotals(0, 0, 0, 0, 0, 0);

	private final Supplier<? extends Collection<S2ListenerContainer>> listeners;

	private final @Nullable S2AppenderRegistry appenders;

	private final boolean streamTags;

	private final Object monitor = new Object();

	private final Map<MeterRegistry, Map<String, List<Meter>>> bound = new LinkedHashMap<>();

	private Duration refreshInterval = Duration.ofSeconds(10);

	private @Nullable ScheduledExecutorService refresher;

	/**
	 * Creates the meters' binder.
	 * @param listeners the listener containers to observe, asked again on each refresh
	 * @param appenders the appenders to observe, or {@code null} for none
	 * @param streamTags whether each stream gets its own meters
	 */
	public S2Metrics(Supplier<? extends Collection<S2ListenerContainer>> listeners,
			@Nullable S2AppenderRegistry appenders, boolean streamTags) {
		this.listeners = listeners;
		this.appenders = appenders;
		this.streamTags = streamTags;
	}

	/**
	 * Sets how often meters of new listeners, streams and appenders are added and those
	 * of gone ones removed; 10 seconds by default. Zero refreshes only when
	 * {@link #refresh()} is called.
	 * @param refreshInterval the interval
	 */
	public void setRefreshInterval(Duration refreshInterval) {
		this.refreshInterval = refreshInterval;
	}

	/**
	 * Whether each stream gets its own meters.
	 * @return whether streams are tagged
	 */
	public boolean isStreamTags() {
		return this.streamTags;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		synchronized (this.monitor) {
			this.bound.putIfAbsent(registry, new LinkedHashMap<>());
			refreshLocked();
			if (this.refresher == null && !this.refreshInterval.isZero()) {
				ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
					Thread thread = new Thread(task, "s2-metrics");
					thread.setDaemon(true);
					return thread;
				});
				long period = this.refreshInterval.toMillis();
				executor.scheduleWithFixedDelay(this::refreshQuietly, period, period, TimeUnit.MILLISECONDS);
				this.refresher = executor;
			}
		}
	}

	/**
	 * Adds the meters of new listeners, streams and appenders to every bound registry,
	 * and removes those of listeners, streams and (with stream tags) appenders that are
	 * gone.
	 */
	public void refresh() {
		synchronized (this.monitor) {
			refreshLocked();
		}
	}

	/**
	 * Refreshes once the context is refreshed: the listener containers exist by then.
	 * @param event the event
	 */
	@Override
	public void onApplicationEvent(ContextRefreshedEvent event) {
		refresh();
	}

	private void refreshQuietly() {
		try {
			refresh();
		}
		catch (RuntimeException ex) {
			logger.warn(ex, "Cannot refresh the S2 meters");
		}
	}

	private void refreshLocked() {
		if (this.bound.isEmpty()) {
			return;
		}
		Map<String, MeterSource> sources = sources();
		for (Map.Entry<MeterRegistry, Map<String, List<Meter>>> entry : this.bound.entrySet()) {
			MeterRegistry registry = entry.getKey();
			Map<String, List<Meter>> meters = entry.getValue();
			sources.forEach((key, source) -> meters.computeIfAbsent(key, (name) -> source.register(registry)));
			Iterator<Map.Entry<String, List<Meter>>> registered = meters.entrySet().iterator();
			while (registered.hasNext()) {
				Map.Entry<String, List<Meter>> meter = registered.next();
				if (!sources.containsKey(meter.getKey())) {
					meter.getValue().forEach(registry::remove);
					registered.remove();
				}
			}
		}
	}

	private Map<String, MeterSource> sources() {
		Map<String, MeterSource> sources = new LinkedHashMap<>();
		Set<String> seen = new HashSet<>();
		for (S2ListenerContainer container : this.listeners.get()) {
			String id = container.getListenerId();
			if (!seen.add(id)) {
				continue;
			}
			String basin = container.getContainerProperties().getBasin();
			Tags tags = Tags.of(LISTENER_ID, id, BASIN, (basin != null) ? basin : "");
			if (this.streamTags) {
				for (String stream : container.getStreams()) {
					sources.put("listener " + id + " " + stream, (registry) -> listenerMeters(registry, container,
							tags.and(STREAM, stream), (c) -> streamTotals(c, stream)));
				}
			}
			else {
				sources.put("listener " + id,
						(registry) -> listenerMeters(registry, container, tags, S2ListenerContainer::getTotals));
			}
		}
		S2AppenderRegistry appenderRegistry = this.appenders;
		if (appenderRegistry != null) {
			if (this.streamTags) {
				for (S2AppenderState state : appenderRegistry.appenders()) {
					if (state.phase() != S2AppenderState.Phase.CLOSED) {
						sources.put("appender " + state.basin() + " " + state.stream(),
								(registry) -> appenderMeters(registry, appenderRegistry,
										Tags.of(BASIN, state.basin(), STREAM, state.stream()),
										(a) -> appenderTotals(a, state.basin(), state.stream())));
					}
				}
			}
			else {
				for (String basin : appenderRegistry.basins()) {
					sources.put("appenders " + basin, (registry) -> appenderMeters(registry, appenderRegistry,
							Tags.of(BASIN, basin), (a) -> a.totals(basin)));
				}
			}
		}
		return sources;
	}

	/**
	 * The seven meters of a listener, or of one of its streams, read from its totals.
	 */
	private static List<Meter> listenerMeters(MeterRegistry registry, S2ListenerContainer container, Tags tags,
			Function<S2ListenerContainer, S2ListenerTotals> totals) {
		List<Meter> meters = new ArrayList<>();
		Meters<S2ListenerContainer> builder = new Meters<>(registry, container, tags, meters);
		builder.counter(LISTENER_MESSAGES, "messages", "Messages the listener processed",
				(c) -> totals.apply(c).messagesDelivered());
		builder.counter(LISTENER_RECORDS, "records", "Records the listener received",
				(c) -> totals.apply(c).recordsDelivered());
		builder.counter(LISTENER_BYTES, BaseUnits.BYTES, "Metered bytes the listener received",
				(c) -> totals.apply(c).bytesDelivered());
		builder.gauge(LISTENER_LAG, "records", "Records between the listener's positions and the tails it saw",
				(c) -> totals.apply(c).lag());
		builder.counter(LISTENER_RECONNECTS, "reconnects", "Reconnections of the listener's read sessions",
				(c) -> totals.apply(c).reconnects());
		builder.counter(LISTENER_ERRORS, "errors",
				"Failed deliveries, dropped frames, failed commits and failed sessions of the listener",
				(c) -> totals.apply(c).errors());
		builder.counter(LISTENER_RECOVERED, "messages",
				"Messages of the listener handed to the recoverer (published to dead-letter streams by default)",
				(c) -> totals.apply(c).recovered());
		return meters;
	}

	/**
	 * What a listener did on one stream, as totals; zero while it does not read it.
	 */
	private static S2ListenerTotals streamTotals(S2ListenerContainer container, String stream) {
		S2StreamState state = container.getStreamState(stream);
		if (state == null) {
			return NO_LISTENER_TOTALS;
		}
		return new S2ListenerTotals(state.messagesDelivered(), state.recordsDelivered(), state.bytesDelivered(),
				state.reconnects(), state.errors(), state.recovered(), state.lag());
	}

	/**
	 * The three meters of a basin's appenders, or of one stream's appender, read from
	 * their totals.
	 */
	private static List<Meter> appenderMeters(MeterRegistry registry, S2AppenderRegistry appenders, Tags tags,
			Function<S2AppenderRegistry, S2AppenderTotals> totals) {
		List<Meter> meters = new ArrayList<>();
		Meters<S2AppenderRegistry> builder = new Meters<>(registry, appenders, tags, meters);
		builder.gauge(APPENDER_QUEUE_DEPTH, "sends", "Sends waiting or in flight in the appenders",
				(a) -> totals.apply(a).pendingSends());
		builder.gauge(APPENDER_INFLIGHT, BaseUnits.BYTES,
				"Metered bytes sent by the appenders and not yet acknowledged", (a) -> totals.apply(a).inflightBytes());
		builder.counter(APPENDER_RECONNECTS, "reconnects", "Reconnections of the appenders' sessions",
				(a) -> totals.apply(a).reconnects());
		return meters;
	}

	/**
	 * What the appender of one stream did, as totals; zero while it is closed.
	 */
	private static S2AppenderTotals appenderTotals(S2AppenderRegistry appenders, String basin, String stream) {
		S2AppenderState state = appenders.appender(basin, stream);
		if (state == null) {
			return NO_APPENDER_TOTALS;
		}
		return new S2AppenderTotals(1, state.pendingSends(), state.inflightBytes(), state.reconnects(), state.sent(),
				state.failed());
	}

	/**
	 * Stops refreshing and removes every meter from the registries.
	 */
	@Override
	public void close() {
		synchronized (this.monitor) {
			ScheduledExecutorService executor = this.refresher;
			this.refresher = null;
			if (executor != null) {
				executor.shutdownNow();
			}
			this.bound.forEach((registry, meters) -> meters.values().forEach((list) -> list.forEach(registry::remove)));
			this.bound.clear();
		}
	}

	/**
	 * Registers the meters of one listener, stream, basin or appender.
	 */
	@FunctionalInterface
	private interface MeterSource {

		List<Meter> register(MeterRegistry registry);

	}

	/**
	 * Registers meters on one object with common tags, and collects them.
	 */
	private record Meters<T>(MeterRegistry registry, T source, Tags tags, List<Meter> meters) {

		void counter(String name, String unit, String description, ToLongFunction<T> value) {
			ToDoubleFunction<T> function = (target) -> value.applyAsLong(target);
			this.meters.add(FunctionCounter.builder(name, this.source, function)
				.tags(this.tags)
				.baseUnit(unit)
				.description(description)
				.register(this.registry));
		}

		void gauge(String name, String unit, String description, ToLongFunction<T> value) {
			ToDoubleFunction<T> function = (target) -> value.applyAsLong(target);
			this.meters.add(Gauge.builder(name, this.source, function)
				.tags(this.tags)
				.baseUnit(unit)
				.description(description)
				.strongReference(true)
				.register(this.registry));
		}

	}

}
