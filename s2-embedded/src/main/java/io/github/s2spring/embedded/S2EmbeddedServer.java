package io.github.s2spring.embedded;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.GlobalEventExecutor;
import org.jspecify.annotations.Nullable;

import io.github.s2spring.embedded.api.AccessTokenEndpoints;
import io.github.s2spring.embedded.api.BasinEndpoints;
import io.github.s2spring.embedded.api.LocationEndpoints;
import io.github.s2spring.embedded.api.MetricsEndpoints;
import io.github.s2spring.embedded.api.StreamEndpoints;
import io.github.s2spring.embedded.auth.AccessControl;
import io.github.s2spring.embedded.auth.JournalTap;
import io.github.s2spring.embedded.auth.Secrets;
import io.github.s2spring.embedded.auth.TokenStore;
import io.github.s2spring.embedded.http.Authorizer;
import io.github.s2spring.embedded.http.HttpContext;
import io.github.s2spring.embedded.http.Router;
import io.github.s2spring.embedded.http.ServerInitializer;
import io.github.s2spring.embedded.metrics.ServerMetrics;
import io.github.s2spring.embedded.record.RequestRecorder;
import io.github.s2spring.embedded.records.RecordEndpoints;
import io.github.s2spring.embedded.storage.Journal;
import io.github.s2spring.embedded.store.Locations;
import io.github.s2spring.embedded.store.Store;
import io.github.s2spring.embedded.store.StoreClock;

/**
 * An S2-compatible server in this JVM: the v1 API on one port, HTTP/1.1 and HTTP/2
 * (cleartext with prior knowledge, or TLS with ALPN), in memory or on disk.
 *
 * <pre>{@code
 * try (S2EmbeddedServer server = S2EmbeddedServer.builder().port(0).build().start()) {
 *     String url = server.baseUrl(); // http://127.0.0.1:PORT
 * }
 * }</pre>
 */
public final class S2EmbeddedServer implements AutoCloseable {

	private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(2);

	private final Builder options;

	private @Nullable Store store;

	private @Nullable Journal journal;

	private @Nullable String rootToken;

	private @Nullable EventLoopGroup group;

	private @Nullable ExecutorService blocking;

	private @Nullable HttpContext context;

	private @Nullable Channel serverChannel;

	private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);

	private S2EmbeddedServer(Builder options) {
		this.options = options;
	}

	/**
	 * A builder with the defaults: {@code 127.0.0.1}, any free port, in memory, no
	 * authentication, no TLS, permissive CORS.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Binds the port and starts serving.
	 * @return this server
	 * @throws IllegalStateException if the server cannot start
	 */
	public synchronized S2EmbeddedServer start() {
		if (this.serverChannel != null) {
			return this;
		}
		try {
			Journal opened = Journals.open(this.options.dataDir);
			ServerMetrics metrics = new ServerMetrics(StoreClock.system());
			this.rootToken = (this.options.auth && this.options.rootToken == null) ? Secrets.generate()
					: this.options.rootToken;
			TokenStore tokens = new TokenStore(opened, StoreClock.system(), this.rootToken);
			// In memory there is nothing to replay, and the store recognizes the bare
			// journal.
			this.journal = (opened == Journal.none()) ? opened : new JournalTap(opened, tokens::replay);
			this.store = new Store(this.journal, StoreClock.system());
			if (this.options.auth && this.options.rootToken == null) {
				System.err.println("S2 embedded root token (shown once): " + this.rootToken);
			}
			if (this.options.initFile != null) {
				InitFile.apply(this.options.initFile, this.store);
			}
			Router router = new Router();
			router.add(HttpMethod.GET, "/health", null,
					(call) -> call.respond(200, "text/plain", "OK".getBytes(StandardCharsets.UTF_8)));
			Locations locations = new Locations();
			new BasinEndpoints(this.store, locations).register(router);
			new StreamEndpoints(this.store).register(router);
			new RecordEndpoints(this.store, metrics).register(router);
			new AccessTokenEndpoints(tokens).register(router);
			new MetricsEndpoints(this.store, metrics).register(router);
			new LocationEndpoints(locations).register(router);
			AccessControl access = new AccessControl(tokens, this.options.auth, metrics);
			Authorizer custom = this.options.authorizer;
			Authorizer authorizer = (call, operation) -> {
				access.authorize(call, operation);
				custom.authorize(call, operation);
			};
			AtomicInteger threads = new AtomicInteger();
			this.blocking = Executors.newFixedThreadPool(4, (task) -> {
				Thread thread = new Thread(task, "s2-embedded-control-" + threads.incrementAndGet());
				thread.setDaemon(true);
				return thread;
			});
			this.context = new HttpContext(router, authorizer, this.options.cors, this.blocking,
					this.options.requestRecorder);
			SslContext ssl = (this.options.tls != null) ? this.options.tls.sslContext() : null;
			this.group = new MultiThreadIoEventLoopGroup(0, NioIoHandler.newFactory());
			this.serverChannel = new ServerBootstrap().group(this.group)
				.channel(NioServerSocketChannel.class)
				.option(ChannelOption.SO_BACKLOG, 1024)
				.childOption(ChannelOption.TCP_NODELAY, true)
				.childHandler(
						new ServerInitializer(this.context, ssl, this.channels, this.options.maxConcurrentStreams))
				.bind(this.options.host, this.options.port)
				.sync()
				.channel();
			return this;
		}
		catch (Exception ex) {
			close();
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			throw new IllegalStateException("Cannot start the S2 embedded server: " + ex.getMessage(), ex);
		}
	}

	/**
	 * The port the server listens on.
	 * @return the port
	 */
	public int port() {
		Channel channel = this.serverChannel;
		if (channel == null) {
			throw new IllegalStateException("Server is not started");
		}
		return ((InetSocketAddress) channel.localAddress()).getPort();
	}

	/**
	 * The base URL of both the account and the basin endpoint, for example
	 * {@code http://127.0.0.1:4243} (append {@code /v1} for API paths).
	 * @return the URL
	 */
	public String baseUrl() {
		String host = this.options.host.contains(":") ? "[" + this.options.host + "]" : this.options.host;
		return ((this.options.tls != null) ? "https" : "http") + "://" + host + ":" + port();
	}

	/**
	 * The number of open client connections (TCP), for tests that check connection reuse
	 * and cleanup.
	 * @return the count
	 */
	public int openConnections() {
		return this.channels.size();
	}

	/**
	 * The state of basins and streams, for tests that inspect it directly.
	 * @return the store
	 */
	public Store store() {
		Store current = this.store;
		if (current == null) {
			throw new IllegalStateException("Server is not started");
		}
		return current;
	}

	/**
	 * The bearer token with every permission: the one configured, or the one generated at
	 * start when authentication is on and none was configured.
	 * @return the root token or {@code null}
	 */
	public @Nullable String rootToken() {
		return (this.rootToken != null) ? this.rootToken : this.options.rootToken;
	}

	/**
	 * Whether requests must carry a valid access token.
	 * @return whether authentication is on
	 */
	public boolean authEnabled() {
		return this.options.auth;
	}

	/**
	 * Stops the server: open sessions are told to reconnect (and given a moment to wind
	 * down), then connections, threads and the journal are closed. Idempotent.
	 */
	@Override
	public synchronized void close() {
		HttpContext current = this.context;
		if (current != null) {
			current.drain();
			long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
			while (current.openSessions() > 0 && System.nanoTime() < deadline) {
				try {
					Thread.sleep(20);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					break;
				}
			}
			this.context = null;
		}
		if (this.serverChannel != null) {
			this.serverChannel.close().syncUninterruptibly();
			this.serverChannel = null;
		}
		this.channels.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
		if (this.group != null) {
			this.group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
			this.group = null;
		}
		if (this.blocking != null) {
			this.blocking.shutdownNow();
			this.blocking = null;
		}
		if (this.store != null) {
			this.store.close();
			this.store = null;
		}
		RequestRecorder recorder = this.options.requestRecorder;
		if (recorder != null) {
			recorder.close();
		}
		if (this.journal != null) {
			this.journal.close();
			this.journal = null;
		}
	}

	/**
	 * Options of a server.
	 */
	public static final class Builder {

		private String host = "127.0.0.1";

		private int port;

		private @Nullable Path dataDir;

		private boolean auth;

		private @Nullable String rootToken;

		private @Nullable TlsOptions tls;

		private boolean cors = true;

		private @Nullable Path initFile;

		private Authorizer authorizer = Authorizer.permitAll();

		private int maxConcurrentStreams = ServerInitializer.DEFAULT_MAX_CONCURRENT_STREAMS;

		private @Nullable RequestRecorder requestRecorder;

		private Builder() {
		}

		/**
		 * The address to bind, {@code 127.0.0.1} by default.
		 * @param host the host name or address
		 * @return this builder
		 */
		public Builder host(String host) {
			this.host = host;
			return this;
		}

		/**
		 * The port, 0 (the default) for any free port.
		 * @param port the port
		 * @return this builder
		 */
		public Builder port(int port) {
			if (port < 0 || port > 65535) {
				throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
			}
			this.port = port;
			return this;
		}

		/**
		 * Keeps data on disk in this directory instead of in memory.
		 * @param dataDir the directory, or {@code null} for memory
		 * @return this builder
		 */
		public Builder dataDir(@Nullable Path dataDir) {
			this.dataDir = dataDir;
			return this;
		}

		/**
		 * Requires a valid access token on every request.
		 * @param auth whether to authenticate
		 * @return this builder
		 */
		public Builder auth(boolean auth) {
			this.auth = auth;
			return this;
		}

		/**
		 * The token with every permission (used with {@link #auth}).
		 * @param rootToken the token
		 * @return this builder
		 */
		public Builder rootToken(@Nullable String rootToken) {
			this.rootToken = rootToken;
			return this;
		}

		/**
		 * Serves TLS (HTTP/2 and HTTP/1.1 by ALPN).
		 * @param tls the certificate options, or {@code null} for cleartext
		 * @return this builder
		 */
		public Builder tls(@Nullable TlsOptions tls) {
			this.tls = tls;
			return this;
		}

		/**
		 * Answers with permissive CORS headers (the default) or none.
		 * @param cors whether to send CORS headers
		 * @return this builder
		 */
		public Builder cors(boolean cors) {
			this.cors = cors;
			return this;
		}

		/**
		 * An s2-lite init file of basins and streams to create at start.
		 * @param initFile the JSON file, or {@code null}
		 * @return this builder
		 */
		public Builder initFile(@Nullable Path initFile) {
			this.initFile = initFile;
			return this;
		}

		/**
		 * The per-request authorization check; allows everything by default.
		 * @param authorizer the check
		 * @return this builder
		 */
		public Builder authorizer(Authorizer authorizer) {
			this.authorizer = authorizer;
			return this;
		}

		/**
		 * The {@code SETTINGS_MAX_CONCURRENT_STREAMS} each HTTP/2 connection advertises,
		 * {@value ServerInitializer#DEFAULT_MAX_CONCURRENT_STREAMS} by default; small
		 * values let tests see how clients spread streams over connections, and 0 refuses
		 * every stream.
		 * @param streams 0 or more
		 * @return this builder
		 */
		public Builder maxConcurrentStreams(int streams) {
			if (streams < 0) {
				throw new IllegalArgumentException("maxConcurrentStreams must not be negative, got " + streams);
			}
			this.maxConcurrentStreams = streams;
			return this;
		}

		/**
		 * Records every request the server receives: method, path, query, headers and
		 * body, for comparing what clients send ({@link RequestRecorder#jsonLines} writes
		 * a file). Off by default, and then nothing is copied. The server closes the
		 * recorder when it stops.
		 * @param recorder the recorder, or {@code null} to record nothing
		 * @return this builder
		 */
		public Builder requestRecorder(@Nullable RequestRecorder recorder) {
			this.requestRecorder = recorder;
			return this;
		}

		/**
		 * Creates the server (not started).
		 * @return the server
		 */
		public S2EmbeddedServer build() {
			return new S2EmbeddedServer(this);
		}

	}

}
