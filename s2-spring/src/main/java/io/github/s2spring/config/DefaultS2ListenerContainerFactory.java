package io.github.s2spring.config;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.util.backoff.BackOff;

import io.github.s2spring.client.S2Client;
import io.github.s2spring.core.S2Subscription;
import io.github.s2spring.listener.AckMode;
import io.github.s2spring.listener.DefaultS2ErrorHandler;
import io.github.s2spring.listener.InMemoryS2PositionStore;
import io.github.s2spring.listener.S2ContainerProperties;
import io.github.s2spring.listener.S2ErrorHandler;
import io.github.s2spring.listener.S2ListenerContainer;
import io.github.s2spring.listener.S2ListenerThreads;
import io.github.s2spring.core.S2MessageListener;
import io.github.s2spring.listener.S2PositionStore;
import io.github.s2spring.listener.adapter.S2MessageListenerAdapter;
import io.github.s2spring.observation.S2ListenerObservationConvention;
import io.github.s2spring.support.DefaultS2MessageConverter;
import io.github.s2spring.support.S2MessageConverter;
import io.github.s2spring.support.S2StartPosition;

/**
 * Creates {@link S2ListenerContainer}s that share one bounded delivery executor
 * ({@link #setMaxThreads max threads}, two per core by default) and one timer thread, so
 * that threads do not grow with listeners or streams. The factory's settings are the
 * defaults of every container; an endpoint overrides some of them. Spring Boot configures
 * one from {@code s2.listener.*}, named {@code s2ListenerContainerFactory}.
 * <p>
 * The executors are created on first use and shut down, with every programmatic listener,
 * when the factory is destroyed.
 */
public class DefaultS2ListenerContainerFactory
		implements S2ListenerContainerFactory, ApplicationContextAware, DisposableBean {

	private static final AtomicLong subscriptionIds = new AtomicLong();

	private final S2Client client;

	private final Set<S2ListenerContainer> subscriptions = ConcurrentHashMap.newKeySet();

	private final Object executorMonitor = new Object();

	private @Nullable String defaultBasin;

	private S2MessageConverter messageConverter = new DefaultS2MessageConverter();

	private int maxThreads = S2ListenerThreads.defaultMaxThreads();

	private @Nullable Executor taskExecutor;

	private @Nullable TaskScheduler taskScheduler;

	private @Nullable S2ListenerThreads ownThreads;

	private AckMode ackMode = AckMode.BATCH;

	private boolean batchListener;

	private S2StartPosition startPosition = S2StartPosition.stored();

	private S2PositionStore positionStore = new InMemoryS2PositionStore();

	private S2ErrorHandler errorHandler = new DefaultS2ErrorHandler();

	private BackOff reconnectBackOff = S2ContainerProperties.defaultReconnectBackOff();

	private Duration discoveryInterval = S2ContainerProperties.DEFAULT_DISCOVERY_INTERVAL;

	private @Nullable Duration idleEventInterval;

	private @Nullable Predicate<String> streamFilter;

	private Duration shutdownTimeout = S2ContainerProperties.DEFAULT_SHUTDOWN_TIMEOUT;

	private boolean autoStartup = true;

	private boolean observationEnabled;

	private @Nullable S2ListenerObservationConvention observationConvention;

	private @Nullable S2ContainerCustomizer containerCustomizer;

	private @Nullable ApplicationContext applicationContext;

	/**
	 * Creates a factory.
	 * @param client the client whose connections every container shares
	 */
	public DefaultS2ListenerContainerFactory(S2Client client) {
		this.client = client;
	}

	@Override
	public void setApplicationContext(ApplicationContext applicationContext) {
		this.applicationContext = applicationContext;
	}

	/**
	 * Sets the basin of listeners that name none.
	 * @param defaultBasin the basin
	 */
	public void setDefaultBasin(@Nullable String defaultBasin) {
		this.defaultBasin = defaultBasin;
	}

	/**
	 * The basin of listeners that name none.
	 * @return the basin, or {@code null}
	 */
	public @Nullable String getDefaultBasin() {
		return this.defaultBasin;
	}

	/**
	 * Sets the converter of payloads to the listeners' types.
	 * @param messageConverter the converter
	 */
	public void setMessageConverter(S2MessageConverter messageConverter) {
		this.messageConverter = messageConverter;
	}

	/**
	 * Sets how many threads deliver messages, for all containers of this factory.
	 * @param maxThreads at least 1
	 */
	public void setMaxThreads(int maxThreads) {
		if (maxThreads < 1) {
			throw new IllegalArgumentException("maxThreads must be at least 1, got " + maxThreads);
		}
		this.maxThreads = maxThreads;
	}

	/**
	 * Sets the executor of deliveries, instead of the factory's own (for example a
	 * virtual-thread executor); each stream's deliveries stay in order on it.
	 * @param taskExecutor the executor
	 */
	public void setTaskExecutor(Executor taskExecutor) {
		this.taskExecutor = taskExecutor;
	}

	/**
	 * Sets the scheduler of delays, instead of the factory's own.
	 * @param taskScheduler the scheduler
	 */
	public void setTaskScheduler(TaskScheduler taskScheduler) {
		this.taskScheduler = taskScheduler;
	}

	/**
	 * Sets when positions are committed, {@link AckMode#BATCH} by default.
	 * @param ackMode the ack mode
	 */
	public void setAckMode(AckMode ackMode) {
		this.ackMode = ackMode;
	}

	/**
	 * Sets whether listeners take read batches at once, {@code false} by default.
	 * @param batchListener whether listeners are batch listeners
	 */
	public void setBatchListener(boolean batchListener) {
		this.batchListener = batchListener;
	}

	/**
	 * Sets where listeners that say nothing start, {@code stored} by default.
	 * @param startPosition the start position
	 */
	public void setStartPosition(S2StartPosition startPosition) {
		this.startPosition = startPosition;
	}

	/**
	 * Sets where positions are kept, in memory by default.
	 * @param positionStore the store
	 */
	public void setPositionStore(S2PositionStore positionStore) {
		this.positionStore = positionStore;
	}

	/**
	 * Sets the error handler of listeners that name none.
	 * @param errorHandler the error handler
	 */
	public void setErrorHandler(S2ErrorHandler errorHandler) {
		this.errorHandler = errorHandler;
	}

	/**
	 * Sets the delays between attempts to open a stream's session when S2 cannot be
	 * reached, and between checks for a stream that does not exist (open sessions
	 * reconnect as the client's session retry policy says).
	 * @param reconnectBackOff the back-off
	 */
	public void setReconnectBackOff(BackOff reconnectBackOff) {
		this.reconnectBackOff = reconnectBackOff;
	}

	/**
	 * Sets how often prefix listeners list their basin.
	 * @param discoveryInterval the interval
	 */
	public void setDiscoveryInterval(Duration discoveryInterval) {
		this.discoveryInterval = discoveryInterval;
	}

	/**
	 * Sets which streams found by prefix are read; by default every one but dead-letter
	 * streams ({@code .dlt}) and position streams ({@code s2-positions/}).
	 * @param streamFilter accepts the names of the streams to read
	 */
	public void setStreamFilter(Predicate<String> streamFilter) {
		this.streamFilter = streamFilter;
	}

	/**
	 * Sets after how long without messages idle events are published.
	 * @param idleEventInterval the interval, or {@code null} for none
	 */
	public void setIdleEventInterval(@Nullable Duration idleEventInterval) {
		this.idleEventInterval = idleEventInterval;
	}

	/**
	 * Sets how long stopping a container waits for its deliveries.
	 * @param shutdownTimeout the timeout
	 */
	public void setShutdownTimeout(Duration shutdownTimeout) {
		this.shutdownTimeout = shutdownTimeout;
	}

	/**
	 * Sets whether containers start with the application, {@code true} by default.
	 * @param autoStartup whether to start
	 */
	public void setAutoStartup(boolean autoStartup) {
		this.autoStartup = autoStartup;
	}

	/**
	 * Sets whether deliveries are observed with Micrometer Observation.
	 * @param observationEnabled whether to observe
	 */
	public void setObservationEnabled(boolean observationEnabled) {
		this.observationEnabled = observationEnabled;
	}

	/**
	 * Sets the convention of delivery observations.
	 * @param observationConvention the convention
	 */
	public void setObservationConvention(@Nullable S2ListenerObservationConvention observationConvention) {
		this.observationConvention = observationConvention;
	}

	/**
	 * Sets a customizer applied to every container created.
	 * @param containerCustomizer the customizer
	 */
	public void setContainerCustomizer(@Nullable S2ContainerCustomizer containerCustomizer) {
		this.containerCustomizer = containerCustomizer;
	}

	@Override
	public S2ListenerContainer createListenerContainer(S2ListenerEndpoint endpoint) {
		S2ContainerProperties properties = containerProperties();
		properties.setStreams(endpoint.getStreams());
		properties.setStreamPrefix(endpoint.getStreamPrefix());
		String basin = (endpoint.getBasin() != null) ? endpoint.getBasin() : this.defaultBasin;
		if (basin == null) {
			throw new IllegalStateException("Listener '" + endpoint.getId()
					+ "' names no basin and the container factory has no default basin (s2.basin)");
		}
		properties.setBasin(basin);
		if (endpoint.getStartPosition() != null) {
			properties.setStartPosition(endpoint.getStartPosition());
		}
		if (endpoint.getAckMode() != null) {
			properties.setAckMode(endpoint.getAckMode());
		}
		if (endpoint.getErrorHandler() != null) {
			properties.setErrorHandler(endpoint.getErrorHandler());
		}
		boolean batch = (endpoint.getBatch() != null) ? endpoint.getBatch() : this.batchListener;
		properties.setBatch(batch);
		S2ListenerContainer container = new S2ListenerContainer(this.client, properties);
		container.setBeanName(endpoint.getId());
		container.setupMessageListener(endpoint.createListener(this.messageConverter, batch));
		container.setAutoStartup((endpoint.getAutoStartup() != null) ? endpoint.getAutoStartup() : this.autoStartup);
		configure(container);
		return container;
	}

	@Override
	public <T> S2Subscription listen(String basin, String stream, Class<T> type, S2StartPosition from,
			S2MessageListener<T> listener) {
		if (from instanceof S2StartPosition.Stored) {
			throw new IllegalArgumentException("A programmatic listener stores no positions: start it from the "
					+ "beginning, the tail, a seq num or a timestamp");
		}
		S2ContainerProperties properties = containerProperties();
		properties.setBasin(basin);
		properties.setStreams(List.of(stream));
		properties.setStartPosition(from);
		properties.setCommitPositions(false);
		S2ListenerContainer container = new S2ListenerContainer(this.client, properties);
		container.setBeanName("s2-subscription-" + subscriptionIds.incrementAndGet());
		container.setupMessageListener(new S2MessageListenerAdapter<>(listener, type, this.messageConverter));
		configure(container);
		this.subscriptions.add(container);
		container.start();
		return new Subscription(container);
	}

	private S2ContainerProperties containerProperties() {
		S2ContainerProperties properties = new S2ContainerProperties();
		properties.setAckMode(this.ackMode);
		properties.setStartPosition(this.startPosition);
		properties.setPositionStore(this.positionStore);
		properties.setErrorHandler(this.errorHandler);
		properties.setReconnectBackOff(this.reconnectBackOff);
		properties.setDiscoveryInterval(this.discoveryInterval);
		properties.setIdleEventInterval(this.idleEventInterval);
		if (this.streamFilter != null) {
			properties.setStreamFilter(this.streamFilter);
		}
		properties.setShutdownTimeout(this.shutdownTimeout);
		properties.setObservationEnabled(this.observationEnabled);
		properties.setObservationConvention(this.observationConvention);
		return properties;
	}

	private void configure(S2ListenerContainer container) {
		container.setTaskExecutor(taskExecutor());
		container.setTaskScheduler(taskScheduler());
		if (this.applicationContext != null) {
			container.setApplicationEventPublisher(this.applicationContext);
			if (container.getContainerProperties().isObservationEnabled()) {
				container.setObservationRegistry(this.applicationContext.getBeanProvider(ObservationRegistry.class)
					.getIfUnique(() -> ObservationRegistry.NOOP));
			}
		}
		if (this.containerCustomizer != null) {
			this.containerCustomizer.configure(container);
		}
	}

	private Executor taskExecutor() {
		return (this.taskExecutor != null) ? this.taskExecutor : ownThreads().executor();
	}

	private TaskScheduler taskScheduler() {
		return (this.taskScheduler != null) ? this.taskScheduler : ownThreads().scheduler();
	}

	private S2ListenerThreads ownThreads() {
		synchronized (this.executorMonitor) {
			if (this.ownThreads == null) {
				this.ownThreads = new S2ListenerThreads("s2-listener-", this.maxThreads);
			}
			return this.ownThreads;
		}
	}

	/**
	 * Stops every programmatic listener and shuts down the factory's own executors.
	 */
	@Override
	public void destroy() {
		for (S2ListenerContainer subscription : this.subscriptions) {
			subscription.stop();
		}
		this.subscriptions.clear();
		synchronized (this.executorMonitor) {
			if (this.ownThreads != null) {
				this.ownThreads.shutdown();
				this.ownThreads = null;
			}
		}
	}

	/**
	 * A programmatic listener, forgotten by the factory once stopped.
	 */
	private final class Subscription implements S2Subscription {

		private final S2ListenerContainer container;

		Subscription(S2ListenerContainer container) {
			this.container = container;
		}

		@Override
		public void stop() {
			this.container.stop();
			DefaultS2ListenerContainerFactory.this.subscriptions.remove(this.container);
		}

		@Override
		public boolean isRunning() {
			return this.container.isRunning();
		}

		@Override
		public String toString() {
			return "S2Subscription[" + this.container.getListenerId() + "]";
		}

	}

}
