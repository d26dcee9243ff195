package io.github.s2spring.boot.autoconfigure;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration properties of S2 ({@code s2.*}): where S2 is and how to authenticate, the
 * default basin, retries, the template's per-stream appenders, the embedded server and
 * observations. Invalid values stop the application at startup with a message naming the
 * property.
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
	 * Most retries of a failed call or session before it fails; -1 retries for as long as
	 * the application runs.
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

}
