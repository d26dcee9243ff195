package io.github.s2spring.listener;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

import io.github.s2spring.observation.S2ListenerObservationConvention;
import io.github.s2spring.support.S2StartPosition;

/**
 * The settings of one {@link S2ListenerContainer}: what it reads, from where, how it
 * commits positions and handles errors, and how it reconnects.
 */
public class S2ContainerProperties {

	/** The default interval between listings of the basin for prefix listeners. */
	public static final Duration DEFAULT_DISCOVERY_INTERVAL = Duration.ofSeconds(30);

	/** The default time a container waits on stop for its deliveries to finish. */
	public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);

	private final List<String> streams = new ArrayList<>();

	private @Nullable String streamPrefix;

	private @Nullable String basin;

	private S2StartPosition startPosition = S2StartPosition.stored();

	private AckMode ackMode = AckMode.BATCH;

	private boolean batch;

	private S2PositionStore positionStore = new InMemoryS2PositionStore();

	private boolean commitPositions = true;

	private @Nullable S2ErrorHandler errorHandler;

	private BackOff reconnectBackOff = defaultReconnectBackOff();

	private Duration discoveryInterval = DEFAULT_DISCOVERY_INTERVAL;

	private Predicate<String> streamFilter = (stream) -> !stream.endsWith(DeadLetterStreamRecoverer.DEFAULT_SUFFIX)
			&& !stream.startsWith(StreamS2PositionStore.DEFAULT_STREAM_PREFIX);

	private @Nullable Duration idleEventInterval;

	private Duration shutdownTimeout = DEFAULT_SHUTDOWN_TIMEOUT;

	private boolean observationEnabled;

	private @Nullable S2ListenerObservationConvention observationConvention;

	/**
	 * The reconnection back-off of S2's SDKs: 500 ms doubling up to 30 s, with jitter,
	 * for as long as the container runs.
	 * @return the back-off
	 */
	public static BackOff defaultReconnectBackOff() {
		ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
		backOff.setMaxInterval(30_000);
		backOff.setJitter(250);
		return backOff;
	}

	/**
	 * The streams read.
	 * @return the streams, a live list
	 */
	public List<String> getStreams() {
		return this.streams;
	}

	/**
	 * Sets the streams to read.
	 * @param streams the stream names
	 */
	public void setStreams(List<String> streams) {
		this.streams.clear();
		this.streams.addAll(streams);
	}

	/**
	 * The prefix of the streams read besides {@link #getStreams()}.
	 * @return the prefix, or {@code null}
	 */
	public @Nullable String getStreamPrefix() {
		return this.streamPrefix;
	}

	/**
	 * Reads every stream whose name starts with a prefix, present and future: the basin
	 * is listed every {@link #setDiscoveryInterval discovery interval}.
	 * @param streamPrefix the prefix, or {@code null}
	 */
	public void setStreamPrefix(@Nullable String streamPrefix) {
		this.streamPrefix = streamPrefix;
	}

	/**
	 * The basin of the streams.
	 * @return the basin, or {@code null} if not set yet
	 */
	public @Nullable String getBasin() {
		return this.basin;
	}

	/**
	 * Sets the basin of the streams.
	 * @param basin the basin
	 */
	public void setBasin(@Nullable String basin) {
		this.basin = basin;
	}

	/**
	 * Where reading starts when the container starts.
	 * @return the start position, {@link S2StartPosition#stored()} by default
	 */
	public S2StartPosition getStartPosition() {
		return this.startPosition;
	}

	/**
	 * Sets where reading starts.
	 * @param startPosition the start position
	 */
	public void setStartPosition(S2StartPosition startPosition) {
		this.startPosition = startPosition;
	}

	/**
	 * When positions are committed.
	 * @return the ack mode, {@link AckMode#BATCH} by default
	 */
	public AckMode getAckMode() {
		return this.ackMode;
	}

	/**
	 * Sets when positions are committed.
	 * @param ackMode the ack mode
	 */
	public void setAckMode(AckMode ackMode) {
		this.ackMode = ackMode;
	}

	/**
	 * Whether the listener receives the messages of a read batch in one call.
	 * @return whether it is a batch listener
	 */
	public boolean isBatch() {
		return this.batch;
	}

	/**
	 * Sets whether the listener receives the messages of a read batch in one call.
	 * @param batch whether it is a batch listener
	 */
	public void setBatch(boolean batch) {
		this.batch = batch;
	}

	/**
	 * Where positions are kept.
	 * @return the store
	 */
	public S2PositionStore getPositionStore() {
		return this.positionStore;
	}

	/**
	 * Sets where positions are kept.
	 * @param positionStore the store
	 */
	public void setPositionStore(S2PositionStore positionStore) {
		this.positionStore = positionStore;
	}

	/**
	 * Whether positions are committed to the store.
	 * @return {@code true} by default
	 */
	public boolean isCommitPositions() {
		return this.commitPositions;
	}

	/**
	 * Sets whether positions are committed; short-lived programmatic listeners that do
	 * not resume from a stored position skip it.
	 * @param commitPositions whether to commit
	 */
	public void setCommitPositions(boolean commitPositions) {
		this.commitPositions = commitPositions;
	}

	/**
	 * What handles failed deliveries.
	 * @return the error handler, or {@code null} for a {@link DefaultS2ErrorHandler}
	 */
	public @Nullable S2ErrorHandler getErrorHandler() {
		return this.errorHandler;
	}

	/**
	 * Sets what handles failed deliveries.
	 * @param errorHandler the error handler
	 */
	public void setErrorHandler(@Nullable S2ErrorHandler errorHandler) {
		this.errorHandler = errorHandler;
	}

	/**
	 * The delays between attempts to open a stream's session when S2 cannot be reached,
	 * and between checks for a stream that does not exist.
	 * @return the back-off
	 */
	public BackOff getReconnectBackOff() {
		return this.reconnectBackOff;
	}

	/**
	 * Sets the delays between attempts to open a stream's session when S2 cannot be
	 * reached (when it is exhausted, the stream's reading fails), and between checks for
	 * a stream that does not exist (without limit). An open session reconnects on its
	 * own, as the client's session retry policy says.
	 * @param reconnectBackOff the back-off
	 */
	public void setReconnectBackOff(BackOff reconnectBackOff) {
		this.reconnectBackOff = reconnectBackOff;
	}

	/**
	 * How often prefix listeners list the basin.
	 * @return the interval
	 */
	public Duration getDiscoveryInterval() {
		return this.discoveryInterval;
	}

	/**
	 * Sets how often prefix listeners list the basin for new streams.
	 * @param discoveryInterval the interval
	 */
	public void setDiscoveryInterval(Duration discoveryInterval) {
		this.discoveryInterval = discoveryInterval;
	}

	/**
	 * Which streams found by prefix are read.
	 * @return the filter
	 */
	public Predicate<String> getStreamFilter() {
		return this.streamFilter;
	}

	/**
	 * Sets which streams found by prefix are read; by default every one except
	 * dead-letter streams ({@code .dlt}) and position streams ({@code s2-positions/}).
	 * @param streamFilter accepts the names of the streams to read
	 */
	public void setStreamFilter(Predicate<String> streamFilter) {
		this.streamFilter = streamFilter;
	}

	/**
	 * After how long without messages an {@link S2ListenerIdleEvent} is published.
	 * @return the interval, or {@code null} for none
	 */
	public @Nullable Duration getIdleEventInterval() {
		return this.idleEventInterval;
	}

	/**
	 * Sets after how long without messages an {@link S2ListenerIdleEvent} is published
	 * (and again at every interval).
	 * @param idleEventInterval the interval, or {@code null} for none
	 */
	public void setIdleEventInterval(@Nullable Duration idleEventInterval) {
		this.idleEventInterval = idleEventInterval;
	}

	/**
	 * How long stopping waits for the deliveries in progress.
	 * @return the timeout
	 */
	public Duration getShutdownTimeout() {
		return this.shutdownTimeout;
	}

	/**
	 * Sets how long stopping waits for the deliveries in progress to finish and their
	 * positions to be committed.
	 * @param shutdownTimeout the timeout
	 */
	public void setShutdownTimeout(Duration shutdownTimeout) {
		this.shutdownTimeout = shutdownTimeout;
	}

	/**
	 * Whether deliveries are observed with Micrometer Observation.
	 * @return {@code false} by default
	 */
	public boolean isObservationEnabled() {
		return this.observationEnabled;
	}

	/**
	 * Sets whether deliveries are observed ({@code s2.listener} observations that
	 * continue the sender's trace).
	 * @param observationEnabled whether to observe
	 */
	public void setObservationEnabled(boolean observationEnabled) {
		this.observationEnabled = observationEnabled;
	}

	/**
	 * The convention of delivery observations.
	 * @return the convention, or {@code null} for the default
	 */
	public @Nullable S2ListenerObservationConvention getObservationConvention() {
		return this.observationConvention;
	}

	/**
	 * Sets the convention of delivery observations.
	 * @param observationConvention the convention, or {@code null} for the default
	 */
	public void setObservationConvention(@Nullable S2ListenerObservationConvention observationConvention) {
		this.observationConvention = observationConvention;
	}

}
