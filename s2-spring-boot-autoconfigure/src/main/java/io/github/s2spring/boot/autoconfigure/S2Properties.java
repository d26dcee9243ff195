package io.github.s2spring.boot.autoconfigure;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

import io.github.s2spring.listener.AckMode;

/**
 * Configuration properties of S2 ({@code s2.*}): where S2 is and how to authenticate, the
 * default basin, retries, the template's per-stream appenders, the listener containers,
 * the embedded server and observations. Invalid values stop the application at startup
 * with a message naming the property.
 */
@ConfigurationProperties("s2")
public class S2Properties implements Validator {

	/**
	 * Base URL of S2 for both the account and the basin endpoints, for example
	 * http://localhost:4243 for a local S2. When unset and a token is set, the S2 cloud
	 * endpoints are used; when neither is set and s2-embedded is on the class path, an
	 * embedded S2 starts.
	 */
	private @Nullable String baseUrl;

	/**
	 * Account (control plane) endpoint, overriding base-url for basins, access tokens and
	 * metrics.
	 */
	private @Nullable String accountEndpoint;

	/**
	 * Basin (data plane) endpoint, overriding base-url for streams and records. May
	 * contain {basin} for per-basin host names, as in https://{basin}.b.s2.dev/v1.
	 */
	private @Nullable String basinEndpoint;

	/**
	 * Access token sent to S2 as a bearer token. Never logged or shown.
	 */
	private @Nullable String token;

	/**
	 * Default basin of the template, listeners and declared streams.
	 */
	private @Nullable String basin;

	/**
	 * Most retries of a failed call or session before it fails (listener read sessions
	 * included); -1 retries for as long as the application runs.
	 */
	private int maxRetries = -1;

	/**
	 * Delay base of the first retry; each further retry doubles it, up to max-delay, with
	 * full jitter.
	 */
	private Duration baseDelay = Duration.ofMillis(500);

	/**
	 * Largest delay between retries.
	 */
	private Duration maxDelay = Duration.ofSeconds(30);

	/**
	 * Most sends waiting per stream in the template; beyond it, sends fail at once with
	 * S2OverloadedException.
	 */
	private int maxQueueSize = 1000;

	/**
	 * Compression of the records sent and received in sessions.
	 */
	private Compression compression = Compression.NONE;

	/**
	 * Timeout of opening a connection to S2.
	 */
	private Duration connectTimeout = Duration.ofSeconds(3);

	/**
	 * Timeout of a request to S2, and of the acknowledgement of an append.
	 */
	private Duration requestTimeout = Duration.ofSeconds(5);

	/**
	 * Whether template sends and listener deliveries are observed with Micrometer
	 * Observation (timers and traces).
	 */
	private boolean observationEnabled;

	private final Template template = new Template();

	private final Embedded embedded = new Embedded();

	private final Listener listener = new Listener();

	private final Metrics metrics = new Metrics();

	private final Health health = new Health();

	public @Nullable String getBaseUrl() {
		return this.baseUrl;
	}

	public void setBaseUrl(@Nullable String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public @Nullable String getAccountEndpoint() {
		return this.accountEndpoint;
	}

	public void setAccountEndpoint(@Nullable String accountEndpoint) {
		this.accountEndpoint = accountEndpoint;
	}

	public @Nullable String getBasinEndpoint() {
		return this.basinEndpoint;
	}

	public void setBasinEndpoint(@Nullable String basinEndpoint) {
		this.basinEndpoint = basinEndpoint;
	}

	public @Nullable String getToken() {
		return this.token;
	}

	public void setToken(@Nullable String token) {
		this.token = token;
	}

	public @Nullable String getBasin() {
		return this.basin;
	}

	public void setBasin(@Nullable String basin) {
		this.basin = basin;
	}

	public int getMaxRetries() {
		return this.maxRetries;
	}

	public void setMaxRetries(int maxRetries) {
		this.maxRetries = maxRetries;
	}

	public Duration getBaseDelay() {
		return this.baseDelay;
	}

	public void setBaseDelay(Duration baseDelay) {
		this.baseDelay = baseDelay;
	}

	public Duration getMaxDelay() {
		return this.maxDelay;
	}

	public void setMaxDelay(Duration maxDelay) {
		this.maxDelay = maxDelay;
	}

	public int getMaxQueueSize() {
		return this.maxQueueSize;
	}

	public void setMaxQueueSize(int maxQueueSize) {
		this.maxQueueSize = maxQueueSize;
	}

	public Compression getCompression() {
		return this.compression;
	}

	public void setCompression(Compression compression) {
		this.compression = compression;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public Duration getRequestTimeout() {
		return this.requestTimeout;
	}

	public void setRequestTimeout(Duration requestTimeout) {
		this.requestTimeout = requestTimeout;
	}

	public boolean isObservationEnabled() {
		return this.observationEnabled;
	}

	public void setObservationEnabled(boolean observationEnabled) {
		this.observationEnabled = observationEnabled;
	}

	public Template getTemplate() {
		return this.template;
	}

	public Embedded getEmbedded() {
		return this.embedded;
	}

	public Listener getListener() {
		return this.listener;
	}

	public Metrics getMetrics() {
		return this.metrics;
	}

	public Health getHealth() {
		return this.health;
	}

	/**
	 * Whether any connection setting is given: a base URL, an endpoint or a token.
	 * @return whether S2's location or credentials are configured
	 */
	boolean hasConnectionSettings() {
		return hasText(this.baseUrl) || hasText(this.accountEndpoint) || hasText(this.basinEndpoint)
				|| hasText(this.token);
	}

	@Override
	public boolean supports(Class<?> type) {
		return S2Properties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		S2Properties properties = (S2Properties) target;
		S2PropertiesValidation.validate(properties, errors);
	}

	@Override
	public String toString() {
		return "S2Properties[baseUrl=" + this.baseUrl + ", accountEndpoint=" + this.accountEndpoint + ", basinEndpoint="
				+ this.basinEndpoint + ", token=" + ((this.token != null) ? "******" : "(none)") + ", basin="
				+ this.basin + "]";
	}

	static boolean hasText(@Nullable String value) {
		return value != null && !value.isBlank();
	}

	static @Nullable URI parse(@Nullable String url) {
		if (!hasText(url)) {
			return null;
		}
		try {
			return URI.create(url.replace("{basin}", "basin"));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * Compression of session records.
	 */
	public enum Compression {

		/** No compression. */
		NONE,

		/** gzip. */
		GZIP,

		/** Zstandard. */
		ZSTD

	}

	/**
	 * Settings of the template's per-stream appenders.
	 */
	public static class Template {

		/**
		 * How long a stream's appender may wait to fill a batch while another batch of
		 * the stream is in flight; 0 sends at once and batches only what queued
		 * meanwhile.
		 */
		private Duration linger = Duration.ZERO;

		/**
		 * How long a stream's appender may stay idle before it closes its session.
		 */
		private Duration idleTimeout = Duration.ofSeconds(60);

		/**
		 * Whether a stream that does not exist is created on the first send to it.
		 */
		private boolean createStreams;

		/**
		 * How long the template waits on shutdown for pending sends to be acknowledged.
		 */
		private Duration closeTimeout = Duration.ofSeconds(10);

		public Duration getLinger() {
			return this.linger;
		}

		public void setLinger(Duration linger) {
			this.linger = linger;
		}

		public Duration getIdleTimeout() {
			return this.idleTimeout;
		}

		public void setIdleTimeout(Duration idleTimeout) {
			this.idleTimeout = idleTimeout;
		}

		public boolean isCreateStreams() {
			return this.createStreams;
		}

		public void setCreateStreams(boolean createStreams) {
			this.createStreams = createStreams;
		}

		public Duration getCloseTimeout() {
			return this.closeTimeout;
		}

		public void setCloseTimeout(Duration closeTimeout) {
			this.closeTimeout = closeTimeout;
		}

	}

	/**
	 * Settings of the embedded S2 that starts when s2-embedded is on the class path and
	 * no connection is configured.
	 */
	public static class Embedded {

		/**
		 * Whether an embedded S2 starts when no connection is configured.
		 */
		private boolean enabled = true;

		/**
		 * Directory where the embedded S2 keeps its data; unset keeps it in memory only.
		 */
		private @Nullable Path dataDir;

		/**
		 * Port of the embedded S2; 0 takes any free port.
		 */
		private int port;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public @Nullable Path getDataDir() {
			return this.dataDir;
		}

		public void setDataDir(@Nullable Path dataDir) {
			this.dataDir = dataDir;
		}

		public int getPort() {
			return this.port;
		}

		public void setPort(int port) {
			this.port = port;
		}

	}

	/**
	 * Position stores of listeners.
	 */
	public enum PositionStore {

		/**
		 * In memory: positions survive a container restart, not an application restart.
		 */
		MEMORY,

		/** In an S2 stream of the application's own per listener id. */
		STREAM

	}

	/**
	 * Settings of the {@code @S2Listener} containers.
	 */
	public static class Listener {

		/**
		 * Most threads delivering messages to listeners, shared by every listener and
		 * stream; unset means two per core.
		 */
		private @Nullable Integer maxThreads;

		/**
		 * When positions are committed: after each message (record), after each read
		 * batch (batch) or when the listener acknowledges (manual).
		 */
		private AckMode ackMode = AckMode.BATCH;

		/**
		 * Whether listeners start with the application.
		 */
		private boolean autoStartup = true;

		/**
		 * How often listeners with a stream prefix list their basin for new streams.
		 */
		private Duration discoveryInterval = Duration.ofSeconds(30);

		/**
		 * After how long without messages a listener publishes an S2ListenerIdleEvent
		 * (and again at every interval); unset publishes none.
		 */
		private @Nullable Duration idleEventInterval;

		/**
		 * How long stopping a listener waits for the deliveries in progress to finish and
		 * their positions to be committed.
		 */
		private Duration shutdownTimeout = Duration.ofSeconds(10);

		/**
		 * Where listeners keep their positions: in memory, or in an S2 stream per
		 * listener id so that a restarted application resumes where it stopped.
		 */
		private PositionStore positionStore = PositionStore.MEMORY;

		/**
		 * Basin of the position streams, when position-store is stream; unset uses the
		 * default basin.
		 */
		private @Nullable String positionBasin;

		/**
		 * Prefix of the position streams' names, followed by the listener id; prefix
		 * listeners leave these streams out.
		 */
		private String positionStreamPrefix = "s2-positions/";

		private final Error error = new Error();

		public @Nullable Integer getMaxThreads() {
			return this.maxThreads;
		}

		public void setMaxThreads(@Nullable Integer maxThreads) {
			this.maxThreads = maxThreads;
		}

		public AckMode getAckMode() {
			return this.ackMode;
		}

		public void setAckMode(AckMode ackMode) {
			this.ackMode = ackMode;
		}

		public boolean isAutoStartup() {
			return this.autoStartup;
		}

		public void setAutoStartup(boolean autoStartup) {
			this.autoStartup = autoStartup;
		}

		public Duration getDiscoveryInterval() {
			return this.discoveryInterval;
		}

		public void setDiscoveryInterval(Duration discoveryInterval) {
			this.discoveryInterval = discoveryInterval;
		}

		public @Nullable Duration getIdleEventInterval() {
			return this.idleEventInterval;
		}

		public void setIdleEventInterval(@Nullable Duration idleEventInterval) {
			this.idleEventInterval = idleEventInterval;
		}

		public Duration getShutdownTimeout() {
			return this.shutdownTimeout;
		}

		public void setShutdownTimeout(Duration shutdownTimeout) {
			this.shutdownTimeout = shutdownTimeout;
		}

		public PositionStore getPositionStore() {
			return this.positionStore;
		}

		public void setPositionStore(PositionStore positionStore) {
			this.positionStore = positionStore;
		}

		public @Nullable String getPositionBasin() {
			return this.positionBasin;
		}

		public void setPositionBasin(@Nullable String positionBasin) {
			this.positionBasin = positionBasin;
		}

		public String getPositionStreamPrefix() {
			return this.positionStreamPrefix;
		}

		public void setPositionStreamPrefix(String positionStreamPrefix) {
			this.positionStreamPrefix = positionStreamPrefix;
		}

		public Error getError() {
			return this.error;
		}

		/**
		 * How listeners handle messages they fail on.
		 */
		public static class Error {

			/**
			 * Deliveries of a failing message in all, the first included, before it goes
			 * to the dead-letter stream (or the listener stops).
			 */
			private int maxAttempts = 3;

			/**
			 * Delay before the second delivery of a failing message.
			 */
			private Duration delay = Duration.ofSeconds(1);

			/**
			 * Factor applied to the delay before each further delivery.
			 */
			private double multiplier = 2.0;

			/**
			 * Largest delay between deliveries of a failing message.
			 */
			private Duration maxDelay = Duration.ofSeconds(10);

			/**
			 * Whether a message that keeps failing, or cannot be converted, is published
			 * with its error to the dead-letter stream and the listener moves on; when
			 * false the listener stops instead.
			 */
			private boolean deadLetter = true;

			/**
			 * Suffix of dead-letter streams, appended to the stream's name; they are in
			 * the stream's basin and prefix listeners leave them out.
			 */
			private String deadLetterSuffix = ".dlt";

			public int getMaxAttempts() {
				return this.maxAttempts;
			}

			public void setMaxAttempts(int maxAttempts) {
				this.maxAttempts = maxAttempts;
			}

			public Duration getDelay() {
				return this.delay;
			}

			public void setDelay(Duration delay) {
				this.delay = delay;
			}

			public double getMultiplier() {
				return this.multiplier;
			}

			public void setMultiplier(double multiplier) {
				this.multiplier = multiplier;
			}

			public Duration getMaxDelay() {
				return this.maxDelay;
			}

			public void setMaxDelay(Duration maxDelay) {
				this.maxDelay = maxDelay;
			}

			public boolean isDeadLetter() {
				return this.deadLetter;
			}

			public void setDeadLetter(boolean deadLetter) {
				this.deadLetter = deadLetter;
			}

			public String getDeadLetterSuffix() {
				return this.deadLetterSuffix;
			}

			public void setDeadLetterSuffix(String deadLetterSuffix) {
				this.deadLetterSuffix = deadLetterSuffix;
			}

		}

	}

	/**
	 * Settings of the listener and appender meters.
	 */
	public static class Metrics {

		/**
		 * Whether each stream gets its own meters, tagged with its name. Off by default:
		 * the meters add up the streams of each listener and basin, so that many streams
		 * do not make many meters.
		 */
		private boolean streamTag;

		/**
		 * How often meters of new listeners, streams and appenders are added and those of
		 * gone ones removed; 0 only when the application context is refreshed.
		 */
		private Duration refreshInterval = Duration.ofSeconds(10);

		public boolean isStreamTag() {
			return this.streamTag;
		}

		public void setStreamTag(boolean streamTag) {
			this.streamTag = streamTag;
		}

		public Duration getRefreshInterval() {
			return this.refreshInterval;
		}

		public void setRefreshInterval(Duration refreshInterval) {
			this.refreshInterval = refreshInterval;
		}

	}

	/**
	 * Settings of the S2 health indicator.
	 */
	public static class Health {

		/**
		 * How long the health check waits for the S2 control plane.
		 */
		private Duration timeout = Duration.ofSeconds(2);

		/**
		 * How many streams that are not up the health details list, per listener and for
		 * the appenders; the others are only counted.
		 */
		private int maxDetails = 20;

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public int getMaxDetails() {
			return this.maxDetails;
		}

		public void setMaxDetails(int maxDetails) {
			this.maxDetails = maxDetails;
		}

	}

}
