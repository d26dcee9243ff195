package io.github.s2spring.client.config;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javax.net.ssl.TrustManagerFactory;

import org.jspecify.annotations.Nullable;

import org.springframework.web.client.RestClient;

import io.github.s2spring.client.S2Client;
import io.github.s2spring.protocol.s2s.Compression;

/**
 * The configuration of an {@link S2Client}. Immutable; build it with
 * {@link #builder(String)} or read it from the environment with
 * {@link #fromEnvironment()}. The access token is never shown by {@link #toString()}.
 */
public final class S2ClientConfig {

	/** Environment variable holding the access token. */
	public static final String ENV_ACCESS_TOKEN = "S2_ACCESS_TOKEN";

	/** Environment variable holding the account endpoint. */
	public static final String ENV_ACCOUNT_ENDPOINT = "S2_ACCOUNT_ENDPOINT";

	/** Environment variable holding the basin endpoint. */
	public static final String ENV_BASIN_ENDPOINT = "S2_BASIN_ENDPOINT";

	/**
	 * The default user agent: {@code s2-spring-java/} followed by this SDK's version, as
	 * built (for example {@code s2-spring-java/0.1.0-SNAPSHOT}).
	 */
	public static final String DEFAULT_USER_AGENT = "s2-spring-java/" + ClientVersion.VERSION;

	private final String accessToken;

	private final S2Endpoints endpoints;

	private final Duration connectTimeout;

	private final Duration requestTimeout;

	private final RetryPolicy retryPolicy;

	private final RetryPolicy sessionRetryPolicy;

	private final @Nullable Executor deliveryExecutor;

	private final AppendRetryPolicy appendRetryPolicy;

	private final Compression compression;

	private final String userAgent;

	private final Duration heartbeatTimeout;

	private final Duration keepAliveInterval;

	private final OptionalInt maxStreamsPerConnection;

	private final @Nullable TrustManagerFactory trustManagerFactory;

	private final RestClient.@Nullable Builder controlPlaneClient;

	private S2ClientConfig(Builder builder) {
		this.accessToken = builder.accessToken;
		this.endpoints = builder.endpoints;
		this.connectTimeout = builder.connectTimeout;
		this.requestTimeout = builder.requestTimeout;
		this.retryPolicy = builder.retryPolicy;
		this.sessionRetryPolicy = builder.sessionRetryPolicy;
		this.deliveryExecutor = builder.deliveryExecutor;
		this.appendRetryPolicy = builder.appendRetryPolicy;
		this.compression = builder.compression;
		this.userAgent = builder.userAgent;
		this.heartbeatTimeout = builder.heartbeatTimeout;
		this.keepAliveInterval = builder.keepAliveInterval;
		this.maxStreamsPerConnection = builder.maxStreamsPerConnection;
		this.trustManagerFactory = builder.trustManagerFactory;
		this.controlPlaneClient = builder.controlPlaneClient;
	}

	/**
	 * A builder with the cloud endpoints and default settings.
	 * @param accessToken the access token sent as {@code Authorization: Bearer}; empty or
	 * blank for a server that needs none, such as s2-embedded: then no
	 * {@code Authorization} header is sent
	 * @return the builder
	 */
	public static Builder builder(String accessToken) {
		return new Builder(accessToken);
	}

	/**
	 * Reads {@value #ENV_ACCESS_TOKEN}, {@value #ENV_ACCOUNT_ENDPOINT} and
	 * {@value #ENV_BASIN_ENDPOINT} from the process environment; unset endpoints keep the
	 * cloud defaults.
	 * @return the configuration
	 * @throws IllegalStateException if {@value #ENV_ACCESS_TOKEN} is not set
	 */
	public static S2ClientConfig fromEnvironment() {
		return fromEnvironment(System::getenv).build();
	}

	/**
	 * Reads the same variables as {@link #fromEnvironment()} from a map.
	 * @param environment the variables
	 * @return a builder to adjust further
	 * @throws IllegalStateException if {@value #ENV_ACCESS_TOKEN} is not set
	 */
	public static Builder fromEnvironment(Map<String, String> environment) {
		return fromEnvironment(environment::get);
	}

	private static Builder fromEnvironment(Function<String, @Nullable String> environment) {
		String token = environment.apply(ENV_ACCESS_TOKEN);
		if (token == null || token.isBlank()) {
			throw new IllegalStateException("Environment variable " + ENV_ACCESS_TOKEN + " is not set");
		}
		String account = environment.apply(ENV_ACCOUNT_ENDPOINT);
		String basin = environment.apply(ENV_BASIN_ENDPOINT);
		return builder(token.trim()).endpoints(
				S2Endpoints.of((account != null && !account.isBlank()) ? account : S2Endpoints.DEFAULT_ACCOUNT_ENDPOINT,
						(basin != null && !basin.isBlank()) ? basin : S2Endpoints.DEFAULT_BASIN_ENDPOINT));
	}

	/**
	 * A builder initialised with this configuration.
	 * @return the builder
	 */
	public Builder toBuilder() {
		Builder builder = new Builder(this.accessToken);
		builder.endpoints = this.endpoints;
		builder.connectTimeout = this.connectTimeout;
		builder.requestTimeout = this.requestTimeout;
		builder.retryPolicy = this.retryPolicy;
		builder.sessionRetryPolicy = this.sessionRetryPolicy;
		builder.deliveryExecutor = this.deliveryExecutor;
		builder.appendRetryPolicy = this.appendRetryPolicy;
		builder.compression = this.compression;
		builder.userAgent = this.userAgent;
		builder.heartbeatTimeout = this.heartbeatTimeout;
		builder.keepAliveInterval = this.keepAliveInterval;
		builder.maxStreamsPerConnection = this.maxStreamsPerConnection;
		builder.trustManagerFactory = this.trustManagerFactory;
		builder.controlPlaneClient = this.controlPlaneClient;
		return builder;
	}

	/**
	 * The access token. Keep it out of logs.
	 * @return the access token, possibly empty
	 */
	public String accessToken() {
		return this.accessToken;
	}

	/**
	 * Whether requests carry an {@code Authorization} header: false for an empty or blank
	 * access token.
	 * @return whether a token is sent
	 */
	public boolean sendsAccessToken() {
		return !this.accessToken.isBlank();
	}

	/**
	 * The account and basin endpoints.
	 * @return the endpoints
	 */
	public S2Endpoints endpoints() {
		return this.endpoints;
	}

	/**
	 * How long opening a connection may take; default 3 s.
	 * @return the connect timeout
	 */
	public Duration connectTimeout() {
		return this.connectTimeout;
	}

	/**
	 * How long one request (or one append acknowledgement) may take; default 5 s.
	 * @return the request timeout
	 */
	public Duration requestTimeout() {
		return this.requestTimeout;
	}

	/**
	 * The retry policy of unary calls (append, read, check tail, control plane); default
	 * {@link RetryPolicy#DEFAULT}: 3 attempts, 100 ms base delay, 1 s cap.
	 * @return the retry policy
	 */
	public RetryPolicy retryPolicy() {
		return this.retryPolicy;
	}

	/**
	 * The retry policy of append and read sessions; default
	 * {@link RetryPolicy#SESSION_DEFAULT}: unlimited attempts, 500 ms base delay, 30 s
	 * cap. A session counts attempts from its last successful connect, so a limited
	 * policy bounds consecutive failures, not the reconnects over a session's life.
	 * Failures that retrying cannot fix (not found, permission denied, fencing token or
	 * sequence number mismatch, range not satisfiable, invalid) end a session at once
	 * whatever the policy.
	 * @return the session retry policy
	 */
	public RetryPolicy sessionRetryPolicy() {
		return this.sessionRetryPolicy;
	}

	/**
	 * The executor that runs the callbacks of sessions (records to subscribers, session
	 * events, append acknowledgements and the stages that depend on them), or
	 * {@code null} for the default: a pool owned by the client, of {@code max(2, cores)}
	 * daemon threads named {@code s2-delivery-N}, shut down with the client. Each session
	 * runs its callbacks one at a time, in order, on this executor; an executor given
	 * here is not shut down by the client.
	 * @return the configured executor, or {@code null} for the client's own pool
	 */
	public @Nullable Executor deliveryExecutor() {
		return this.deliveryExecutor;
	}

	/**
	 * Which appends may be retried; default {@link AppendRetryPolicy#ALL}.
	 * @return the append retry policy
	 */
	public AppendRetryPolicy appendRetryPolicy() {
		return this.appendRetryPolicy;
	}

	/**
	 * The compression of session frames; default {@link Compression#NONE}.
	 * @return the compression
	 */
	public Compression compression() {
		return this.compression;
	}

	/**
	 * The {@code User-Agent} sent with every request.
	 * @return the user agent
	 */
	public String userAgent() {
		return this.userAgent;
	}

	/**
	 * How long a read session may go without any frame (records or heartbeat) before it
	 * is considered dead and reconnected; default 20 s.
	 * @return the heartbeat timeout
	 */
	public Duration heartbeatTimeout() {
		return this.heartbeatTimeout;
	}

	/**
	 * How long a connection may be idle before an HTTP/2 PING checks it; default 30 s. An
	 * unanswered PING closes the connection.
	 * @return the keep-alive interval
	 */
	public Duration keepAliveInterval() {
		return this.keepAliveInterval;
	}

	/**
	 * The optional cap on how many HTTP/2 streams share one connection. A connection
	 * carries at most the smaller of this cap and the server's
	 * {@code SETTINGS_MAX_CONCURRENT_STREAMS}; another connection is opened for more.
	 * Empty (the default) means no cap: the server's limit alone decides, and a server
	 * that advertises no limit gets every stream on one connection.
	 * @return the cap, or empty for none
	 */
	public OptionalInt maxStreamsPerConnection() {
		return this.maxStreamsPerConnection;
	}

	/**
	 * The trust managers that verify TLS servers, or {@code null} for the JDK's default
	 * trust store.
	 * @return the trust manager factory
	 */
	public @Nullable TrustManagerFactory trustManagerFactory() {
		return this.trustManagerFactory;
	}

	/**
	 * The {@link RestClient.Builder} the control plane's client is built from (a clone of
	 * it), or {@code null} for the client's own JDK {@code HttpClient} with the connect
	 * and request timeouts and trust managers of this configuration.
	 * @return the builder
	 */
	public RestClient.@Nullable Builder controlPlaneClient() {
		return this.controlPlaneClient;
	}

	@Override
	public String toString() {
		return "S2ClientConfig[accessToken=<redacted>, endpoints=" + this.endpoints + ", connectTimeout="
				+ this.connectTimeout + ", requestTimeout=" + this.requestTimeout + ", retryPolicy=" + this.retryPolicy
				+ ", sessionRetryPolicy=" + this.sessionRetryPolicy + ", appendRetryPolicy=" + this.appendRetryPolicy
				+ ", compression=" + this.compression + ", userAgent=" + this.userAgent + ", heartbeatTimeout="
				+ this.heartbeatTimeout + ", keepAliveInterval=" + this.keepAliveInterval + ", maxStreamsPerConnection="
				+ (this.maxStreamsPerConnection.isPresent() ? this.maxStreamsPerConnection.getAsInt() : "server") + "]";
	}

	/**
	 * Builds an {@link S2ClientConfig}.
	 */
	public static final class Builder {

		private final String accessToken;

		private S2Endpoints endpoints = S2Endpoints.cloud();

		private Duration connectTimeout = Duration.ofSeconds(3);

		private Duration requestTimeout = Duration.ofSeconds(5);

		private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;

		private RetryPolicy sessionRetryPolicy = RetryPolicy.SESSION_DEFAULT;

		private @Nullable Executor deliveryExecutor;

		private AppendRetryPolicy appendRetryPolicy = AppendRetryPolicy.ALL;

		private Compression compression = Compression.NONE;

		private String userAgent = DEFAULT_USER_AGENT;

		private Duration heartbeatTimeout = Duration.ofSeconds(20);

		private Duration keepAliveInterval = Duration.ofSeconds(30);

		private OptionalInt maxStreamsPerConnection = OptionalInt.empty();

		private @Nullable TrustManagerFactory trustManagerFactory;

		private RestClient.@Nullable Builder controlPlaneClient;

		private Builder(String accessToken) {
			Objects.requireNonNull(accessToken, "accessToken");
			for (int i = 0; i < accessToken.length(); i++) {
				char c = accessToken.charAt(i);
				if (c < 0x20 || c > 0x7E) {
					throw new IllegalArgumentException(
							"The access token must be printable ASCII (a character at index " + i + " is not)");
				}
			}
			this.accessToken = accessToken;
		}

		/**
		 * Sets both endpoints.
		 * @param endpoints the endpoints
		 * @return this builder
		 */
		public Builder endpoints(S2Endpoints endpoints) {
			this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
			return this;
		}

		/**
		 * Sets both endpoints from their text form.
		 * @param account the account endpoint
		 * @param basin the basin endpoint
		 * @return this builder
		 */
		public Builder endpoints(String account, String basin) {
			return endpoints(S2Endpoints.of(account, basin));
		}

		/**
		 * Sets the connect timeout.
		 * @param timeout a positive duration
		 * @return this builder
		 */
		public Builder connectTimeout(Duration timeout) {
			this.connectTimeout = positive("connectTimeout", timeout);
			return this;
		}

		/**
		 * Sets the request timeout.
		 * @param timeout a positive duration
		 * @return this builder
		 */
		public Builder requestTimeout(Duration timeout) {
			this.requestTimeout = positive("requestTimeout", timeout);
			return this;
		}

		/**
		 * Sets the retry policy.
		 * @param policy the policy
		 * @return this builder
		 */
		public Builder retryPolicy(RetryPolicy policy) {
			this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
			return this;
		}

		/**
		 * Sets the retry policy of append and read sessions.
		 * @param policy the policy
		 * @return this builder
		 * @see S2ClientConfig#sessionRetryPolicy()
		 */
		public Builder sessionRetryPolicy(RetryPolicy policy) {
			this.sessionRetryPolicy = Objects.requireNonNull(policy, "sessionRetryPolicy");
			return this;
		}

		/**
		 * Sets the executor that runs session callbacks, instead of the client's own
		 * pool; the client does not shut it down.
		 * @param executor the executor
		 * @return this builder
		 * @see S2ClientConfig#deliveryExecutor()
		 */
		public Builder deliveryExecutor(Executor executor) {
			this.deliveryExecutor = Objects.requireNonNull(executor, "deliveryExecutor");
			return this;
		}

		/**
		 * Sets which appends may be retried.
		 * @param policy the policy
		 * @return this builder
		 */
		public Builder appendRetryPolicy(AppendRetryPolicy policy) {
			this.appendRetryPolicy = Objects.requireNonNull(policy, "appendRetryPolicy");
			return this;
		}

		/**
		 * Sets the compression of session frames.
		 * @param compression the compression
		 * @return this builder
		 */
		public Builder compression(Compression compression) {
			this.compression = Objects.requireNonNull(compression, "compression");
			return this;
		}

		/**
		 * Sets the user agent.
		 * @param userAgent a non-blank value
		 * @return this builder
		 */
		public Builder userAgent(String userAgent) {
			if (userAgent.isBlank()) {
				throw new IllegalArgumentException("userAgent must not be blank");
			}
			this.userAgent = userAgent;
			return this;
		}

		/**
		 * Sets the read-session heartbeat timeout.
		 * @param timeout a positive duration
		 * @return this builder
		 */
		public Builder heartbeatTimeout(Duration timeout) {
			this.heartbeatTimeout = positive("heartbeatTimeout", timeout);
			return this;
		}

		/**
		 * Sets the connection keep-alive (PING) interval.
		 * @param interval a positive duration
		 * @return this builder
		 */
		public Builder keepAliveInterval(Duration interval) {
			this.keepAliveInterval = positive("keepAliveInterval", interval);
			return this;
		}

		/**
		 * Caps how many streams share one connection, below the server's
		 * {@code SETTINGS_MAX_CONCURRENT_STREAMS}; by default there is no cap and the
		 * server's limit decides.
		 * @param streams at least 1
		 * @return this builder
		 */
		public Builder maxStreamsPerConnection(int streams) {
			if (streams < 1) {
				throw new IllegalArgumentException("maxStreamsPerConnection must be at least 1, got " + streams);
			}
			this.maxStreamsPerConnection = OptionalInt.of(streams);
			return this;
		}

		/**
		 * Removes the cap set by {@link #maxStreamsPerConnection(int)}: the server's
		 * limit alone decides how many streams share one connection.
		 * @return this builder
		 */
		public Builder noMaxStreamsPerConnection() {
			this.maxStreamsPerConnection = OptionalInt.empty();
			return this;
		}

		/**
		 * Sets the trust managers that verify TLS servers, for a private CA or a
		 * self-signed development server; by default the JDK's trust store is used.
		 * @param factory the trust manager factory
		 * @return this builder
		 */
		public Builder trustManagerFactory(TrustManagerFactory factory) {
			this.trustManagerFactory = Objects.requireNonNull(factory, "trustManagerFactory");
			return this;
		}

		/**
		 * Sends control-plane requests (basins, streams, tokens, metrics) through a
		 * client built from a clone of this builder, such as Spring Boot's
		 * auto-configured one: its request factory (HTTP client settings, SSL bundles),
		 * interceptors and HTTP client observations apply, and the connect and request
		 * timeouts and trust managers of this configuration do not (they still apply to
		 * the data plane). The S2 client adds its authorization, user agent and accept
		 * headers.
		 * @param builder the builder, not modified
		 * @return this builder
		 */
		public Builder controlPlaneClient(RestClient.Builder builder) {
			this.controlPlaneClient = Objects.requireNonNull(builder, "controlPlaneClient");
			return this;
		}

		/**
		 * Builds the configuration.
		 * @return the configuration
		 */
		public S2ClientConfig build() {
			return new S2ClientConfig(this);
		}

		private static Duration positive(String name, Duration value) {
			if (value.isNegative() || value.isZero()) {
				throw new IllegalArgumentException(name + " must be positive, got " + value);
			}
			return value;
		}

	}

}
