package io.github.s2spring.listener;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanNameAware;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationEventPublisherAware;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.log.LogAccessor;
import org.springframework.scheduling.TaskScheduler;

import io.github.s2spring.client.S2Client;
import io.github.s2spring.core.S2ReceivedMessage;
import io.github.s2spring.core.S2Subscription;
import io.github.s2spring.observation.DefaultS2ListenerObservationConvention;
import io.github.s2spring.observation.S2ListenerObservation;
import io.github.s2spring.observation.S2ReceiverContext;
import io.github.s2spring.support.S2StartPosition;

/**
 * Tails the streams of one listener for as long as it runs: one read session per stream
 * on the client's shared connections, messages delivered in order per stream on a bounded
 * executor shared with other containers, so threads do not grow with streams. Sessions
 * reopen after any failure from where they stopped; positions are committed to the
 * {@link S2PositionStore} as the {@link AckMode} says; failed deliveries go to the
 * {@link S2ErrorHandler}. A prefix listener lists its basin periodically and reads new
 * streams as they appear.
 * <p>
 * Usually created by an {@code S2ListenerContainerFactory} for an {@code @S2Listener}
 * method and started by the endpoint registry, or by a programmatic {@code listen}; it
 * can also be built directly. Stopping lets the deliveries in progress finish, commits
 * their positions and flushes the position store, within the shutdown timeout.
 */
public class S2ListenerContainer
		implements SmartLifecycle, BeanNameAware, ApplicationEventPublisherAware, S2Subscription {

	/** The phase of containers: late, so that they stop before web servers drain. */
	public static final int DEFAULT_PHASE = Integer.MAX_VALUE - 100;

	private static final LogAccessor logger = new LogAccessor(S2ListenerContainer.class);

	private static final AtomicInteger counter = new AtomicInteger();

	private final S2Client client;

	private final S2ContainerProperties properties;

	private final Object lifecycleMonitor = new Object();

	private final Map<String, StreamWorker> workers = new ConcurrentHashMap<>();

	private final ListenerCounters counters = new ListenerCounters();

	private String listenerId = "s2-listener-" + counter.incrementAndGet();

	private @Nullable S2ContainerListener listener;

	private @Nullable Executor taskExecutor;

	private @Nullable TaskScheduler taskScheduler;

	private @Nullable S2ListenerThreads ownThreads;

	private @Nullable ApplicationEventPublisher eventPublisher;

	private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	private S2ErrorHandler errorHandler = new DefaultS2ErrorHandler();

	private boolean autoStartup = true;

	private int phase = DEFAULT_PHASE;

	private volatile boolean running;

	private volatile boolean paused;

	private volatile long lastMessageNanos = System.nanoTime();

	private @Nullable StreamDiscovery discovery;

	private @Nullable ScheduledFuture<?> idleCheck;

	/**
	 * Creates a container.
	 * @param client the client whose connections the sessions share
	 * @param properties what to read and how; the basin must be set
	 */
	public S2ListenerContainer(S2Client client, S2ContainerProperties properties) {
		this.client = client;
		this.properties = properties;
	}

	/**
	 * Sets the listener id, as the bean name does.
	 * @param name the id
	 */
	@Override
	public void setBeanName(String name) {
		this.listenerId = name;
	}

	/**
	 * The listener id: the key of its positions and the tag of its observations.
	 * @return the id
	 */
	public String getListenerId() {
		return this.listenerId;
	}

	/**
	 * Sets what receives the messages.
	 * @param listener the listener
	 */
	public void setupMessageListener(S2ContainerListener listener) {
		this.listener = listener;
	}

	/**
	 * The listener.
	 * @return the listener, or {@code null} if not set yet
	 */
	public @Nullable S2ContainerListener getMessageListener() {
		return this.listener;
	}

	/**
	 * The container's settings; change them before starting.
	 * @return the settings
	 */
	public S2ContainerProperties getContainerProperties() {
		return this.properties;
	}

	/**
	 * Sets the executor that runs deliveries, in order per stream. Without one, the
	 * container creates its own of two threads per core.
	 * @param taskExecutor a bounded executor
	 */
	public void setTaskExecutor(Executor taskExecutor) {
		this.taskExecutor = taskExecutor;
	}

	/**
	 * Sets the scheduler of reconnection, retry and discovery delays. Without one, the
	 * container creates its own.
	 * @param taskScheduler the scheduler
	 */
	public void setTaskScheduler(TaskScheduler taskScheduler) {
		this.taskScheduler = taskScheduler;
	}

	@Override
	public void setApplicationEventPublisher(ApplicationEventPublisher applicationEventPublisher) {
		this.eventPublisher = applicationEventPublisher;
	}

	/**
	 * Sets the registry of delivery observations, used when observation is enabled.
	 * @param observationRegistry the registry
	 */
	public void setObservationRegistry(ObservationRegistry observationRegistry) {
		this.observationRegistry = observationRegistry;
	}

	/**
	 * Sets whether the container starts with the application context.
	 * @param autoStartup whether to start automatically
	 */
	public void setAutoStartup(boolean autoStartup) {
		this.autoStartup = autoStartup;
	}

	@Override
	public boolean isAutoStartup() {
		return this.autoStartup;
	}

	/**
	 * Sets the lifecycle phase, {@link #DEFAULT_PHASE} by default.
	 * @param phase the phase
	 */
	public void setPhase(int phase) {
		this.phase = phase;
	}

	@Override
	public int getPhase() {
		return this.phase;
	}

	/**
	 * The basin read.
	 * @return the basin
	 * @throws IllegalStateException if none is set
	 */
	public String getBasin() {
		String basin = this.properties.getBasin();
		if (basin == null) {
			throw new IllegalStateException("Listener '" + this.listenerId + "' has no basin");
		}
		return basin;
	}

	@Override
	public void start() {
		synchronized (this.lifecycleMonitor) {
			if (this.running) {
				return;
			}
			if (this.listener == null) {
				throw new IllegalStateException("Listener '" + this.listenerId + "' has no message listener");
			}
			if (this.properties.getStreams().isEmpty() && this.properties.getStreamPrefix() == null) {
				throw new IllegalStateException("Listener '" + this.listenerId + "' has no streams and no prefix");
			}
			getBasin();
			createExecutorsIfNeeded();
			S2ErrorHandler configured = this.properties.getErrorHandler();
			this.errorHandler = (configured != null) ? configured : new DefaultS2ErrorHandler();
			this.lastMessageNanos = System.nanoTime();
			this.running = true;
			for (String stream : this.properties.getStreams()) {
				addStream(stream);
			}
			String prefix = this.properties.getStreamPrefix();
			if (prefix != null) {
				StreamDiscovery streams = new StreamDiscovery(this, prefix);
				this.discovery = streams;
				streams.start(taskScheduler(), this.properties.getDiscoveryInterval());
			}
			Duration idleInterval = this.properties.getIdleEventInterval();
			if (idleInterval != null) {
				this.idleCheck = taskScheduler().scheduleAtFixedRate(() -> checkIdle(idleInterval),
						Instant.now().plus(idleInterval), idleInterval);
			}
			logger.debug(() -> "Started listener '" + this.listenerId + "' on " + getBasin() + " "
					+ this.properties.getStreams() + ((prefix != null) ? " and prefix '" + prefix + "'" : ""));
		}
	}

	private void createExecutorsIfNeeded() {
		if (this.taskExecutor == null || this.taskScheduler == null) {
			S2ListenerThreads threads = new S2ListenerThreads(this.listenerId + "-",
					S2ListenerThreads.defaultMaxThreads());
			this.ownThreads = threads;
			if (this.taskExecutor == null) {
				this.taskExecutor = threads.executor();
			}
			if (this.taskScheduler == null) {
				this.taskScheduler = threads.scheduler();
			}
		}
	}

	@Override
	public void stop() {
		CountDownLatch stopped = new CountDownLatch(1);
		stop(stopped::countDown);
		try {
			if (!stopped.await(this.properties.getShutdownTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS)) {
				logger.warn(() -> "Listener '" + this.listenerId + "' did not stop in time");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void stop(Runnable callback) {
		synchronized (this.lifecycleMonitor) {
			if (!this.running) {
				callback.run();
				return;
			}
			this.running = false;
			if (this.discovery != null) {
				this.discovery.stop();
				this.discovery = null;
			}
			if (this.idleCheck != null) {
				this.idleCheck.cancel(false);
				this.idleCheck = null;
			}
			List<StreamWorker> stopping = new ArrayList<>(this.workers.values());
			this.workers.clear();
			AtomicBoolean finished = new AtomicBoolean();
			Runnable finish = () -> {
				if (finished.compareAndSet(false, true)) {
					stopped(callback);
				}
			};
			AtomicInteger remaining = new AtomicInteger(stopping.size());
			if (stopping.isEmpty()) {
				finish.run();
				return;
			}
			ScheduledFuture<?> timeout = taskScheduler().schedule(() -> {
				if (!finished.get()) {
					logger.warn(() -> "Listener '" + this.listenerId + "': " + remaining.get()
							+ " streams still delivering after the shutdown timeout");
				}
				finish.run();
			}, Instant.now().plus(this.properties.getShutdownTimeout()));
			for (StreamWorker worker : stopping) {
				worker.stop(() -> {
					if (remaining.decrementAndGet() == 0) {
						timeout.cancel(false);
						finish.run();
					}
				});
			}
		}
	}

	private void stopped(Runnable callback) {
		try {
			if (this.properties.isCommitPositions()) {
				this.properties.getPositionStore().flush();
			}
		}
		catch (RuntimeException ex) {
			logger.warn(ex, () -> "Listener '" + this.listenerId + "': cannot flush positions");
		}
		finally {
			shutdownOwnedExecutors();
			logger.debug(() -> "Stopped listener '" + this.listenerId + "'");
			callback.run();
		}
	}

	private void shutdownOwnedExecutors() {
		synchronized (this.lifecycleMonitor) {
			S2ListenerThreads threads = this.ownThreads;
			if (this.running || threads == null) {
				return;
			}
			this.ownThreads = null;
			this.taskExecutor = null;
			this.taskScheduler = null;
			threads.shutdown();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Pauses delivery: the message being processed finishes, then nothing more is
	 * delivered (the sessions stay open and S2's flow control holds the records back)
	 * until {@link #resume()}.
	 */
	public void pause() {
		this.paused = true;
		this.workers.values().forEach(StreamWorker::pause);
	}

	/**
	 * Resumes delivery after {@link #pause()}.
	 */
	public void resume() {
		this.paused = false;
		this.workers.values().forEach(StreamWorker::resume);
	}

	/**
	 * Whether delivery is paused.
	 * @return whether paused
	 */
	public boolean isPaused() {
		return this.paused;
	}

	/**
	 * Reads a stream, or every stream, from another position: what was read but not
	 * delivered yet is dropped, and delivery goes on from there.
	 * @param stream the stream, or {@code null} for every stream
	 * @param position a seq num, a timestamp, the beginning or the tail ({@code stored}
	 * is not accepted)
	 */
	public void seek(@Nullable String stream, S2StartPosition position) {
		if (position instanceof S2StartPosition.Stored) {
			throw new IllegalArgumentException("Cannot seek to the stored position");
		}
		for (StreamWorker worker : this.workers.values()) {
			if (stream == null || worker.stream().equals(stream)) {
				worker.seek(position);
			}
		}
	}

	/**
	 * The names of the streams read now.
	 * @return the stream names, sorted
	 */
	public Set<String> getStreams() {
		return new TreeSet<>(this.workers.keySet());
	}

	/**
	 * A snapshot of the container and each of its streams.
	 * @return the state, streams sorted by name
	 */
	public S2ListenerState getState() {
		List<S2StreamState> streams = new ArrayList<>(this.workers.size());
		for (StreamWorker worker : this.workers.values()) {
			streams.add(worker.state());
		}
		streams.sort(Comparator.comparing(S2StreamState::stream));
		return new S2ListenerState(this.listenerId, this.running, this.paused, streams);
	}

	/**
	 * How one stream is read now.
	 * @param stream the stream
	 * @return its state, or {@code null} if the container does not read it now
	 */
	public @Nullable S2StreamState getStreamState(String stream) {
		StreamWorker worker = this.workers.get(stream);
		return (worker != null) ? worker.state() : null;
	}

	/**
	 * What the container did since it was created, over every stream, and its current
	 * lag; cheap enough to read on every scrape of a meter registry.
	 * @return the totals
	 */
	public S2ListenerTotals getTotals() {
		long lag = 0;
		for (StreamWorker worker : this.workers.values()) {
			lag += worker.lag();
		}
		return new S2ListenerTotals(this.counters.messages.sum(), this.counters.records.sum(),
				this.counters.bytes.sum(), this.counters.reconnects.sum(), this.counters.errors.sum(),
				this.counters.recovered.sum(), lag);
	}

	ListenerCounters counters() {
		return this.counters;
	}

	void discovered(Set<String> streams) {
		synchronized (this.lifecycleMonitor) {
			if (!this.running) {
				return;
			}
			for (String stream : streams) {
				addStream(stream);
			}
			for (String stream : new ArrayList<>(this.workers.keySet())) {
				if (!streams.contains(stream) && !this.properties.getStreams().contains(stream)) {
					StreamWorker removed = this.workers.remove(stream);
					if (removed != null) {
						logger.info(() -> "Listener '" + this.listenerId + "' stops reading " + stream
								+ ": it is no longer listed");
						removed.stop(() -> {
						});
					}
				}
			}
		}
	}

	private void addStream(String stream) {
		this.workers.computeIfAbsent(stream, (name) -> {
			StreamWorker worker = new StreamWorker(this, name);
			if (this.paused) {
				worker.pause();
			}
			worker.start();
			return worker;
		});
	}

	void invoke(List<S2ReceivedMessage<byte[]>> messages, Acknowledgment acknowledgment) throws Exception {
		S2ContainerListener target = this.listener;
		if (target == null) {
			throw new IllegalStateException("No message listener");
		}
		this.lastMessageNanos = System.nanoTime();
		if (!this.properties.isObservationEnabled()) {
			target.onMessages(messages, acknowledgment);
			return;
		}
		S2ReceiverContext context = new S2ReceiverContext(this.listenerId, messages.get(0).metadata());
		S2ListenerObservation.LISTENER_OBSERVATION
			.observation(this.properties.getObservationConvention(), DefaultS2ListenerObservationConvention.INSTANCE,
					() -> context, this.observationRegistry)
			.observeChecked(() -> target.onMessages(messages, acknowledgment));
	}

	void stopAfterError(String stream, Throwable cause) {
		publish(new S2ListenerFailedEvent(this, this.listenerId, getBasin(), stream, cause, true));
		stop(() -> {
		});
	}

	void publish(S2ListenerEvent event) {
		ApplicationEventPublisher publisher = this.eventPublisher;
		if (publisher == null) {
			return;
		}
		try {
			publisher.publishEvent(event);
		}
		catch (RuntimeException ex) {
			logger.warn(ex, () -> "An event listener failed on " + event);
		}
	}

	private void checkIdle(Duration interval) {
		long idleNanos = System.nanoTime() - this.lastMessageNanos;
		if (this.running && idleNanos >= interval.toNanos()) {
			publish(new S2ListenerIdleEvent(this, this.listenerId, Duration.ofNanos(idleNanos)));
		}
	}

	S2ErrorHandler errorHandler() {
		return this.errorHandler;
	}

	S2Client client() {
		return this.client;
	}

	Executor taskExecutor() {
		Executor executor = this.taskExecutor;
		if (executor == null) {
			throw new IllegalStateException("Listener '" + this.listenerId + "' is not started");
		}
		return executor;
	}

	TaskScheduler taskScheduler() {
		TaskScheduler scheduler = this.taskScheduler;
		if (scheduler == null) {
			throw new IllegalStateException("Listener '" + this.listenerId + "' is not started");
		}
		return scheduler;
	}

	@Override
	public String toString() {
		return "S2ListenerContainer[" + this.listenerId + "]";
	}

}
