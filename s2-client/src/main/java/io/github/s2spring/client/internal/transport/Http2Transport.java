package io.github.s2spring.client.internal.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import javax.net.ssl.SSLException;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import org.jspecify.annotations.Nullable;

import io.github.s2spring.client.config.Endpoint;
import io.github.s2spring.client.config.S2ClientConfig;

/**
 * The data-plane transport of one client: one event loop group (threads named
 * {@code s2-client-*}) and one {@link ConnectionPool} per origin. Closing it closes every
 * connection and stops every thread.
 */
public final class Http2Transport implements AutoCloseable {

	/** Initial flow-control window of each stream: one maximal S2S frame fits. */
	static final int STREAM_WINDOW_BYTES = 2 * 1024 * 1024 + 64 * 1024;

	/** Flow-control window of each connection, shared by its streams. */
	static final int CONNECTION_WINDOW_BYTES = 32 * 1024 * 1024;

	private static final int DEFAULT_CONNECTION_WINDOW_BYTES = 65_535;

	private final S2ClientConfig config;

	private final EventLoopGroup group;

	private final Map<String, ConnectionPool> pools = new ConcurrentHashMap<>();

	private volatile @Nullable SslContext sslContext;

	private volatile boolean closed;

	/**
	 * Creates a transport; threads start lazily with the first connection.
	 * @param config the client configuration
	 */
	public Http2Transport(S2ClientConfig config) {
		this.config = config;
		int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
		this.group = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("s2-client", true),
				NioIoHandler.newFactory());
	}

	/**
	 * Opens an HTTP/2 stream to an endpoint's origin, on a pooled connection.
	 * @param endpoint the endpoint
	 * @param listener receives the stream's events
	 * @return the stream, once opened; fails with {@link StreamClosedException} if the
	 * transport is closed, or with the connect failure
	 */
	public CompletableFuture<H2Stream> openStream(Endpoint endpoint, StreamListener listener) {
		if (this.closed) {
			return CompletableFuture.failedFuture(new StreamClosedException("The transport is closed"));
		}
		return pool(endpoint).openStream(listener);
	}

	private ConnectionPool pool(Endpoint endpoint) {
		return this.pools.computeIfAbsent(endpoint.origin(),
				(origin) -> new ConnectionPool(origin, this.group.next(), (owner) -> connect(endpoint, owner)));
	}

	/**
	 * The event loop of an origin: its connections run on it, and sessions to the origin
	 * should too, so that a frame never changes threads between the socket and the
	 * session.
	 * @param endpoint the endpoint whose origin is meant
	 * @return the origin's event loop
	 */
	public EventExecutor executor(Endpoint endpoint) {
		return pool(endpoint).loop();
	}

	/**
	 * An event executor for timers and session state.
	 * @return an executor of this transport's group
	 */
	public EventExecutor executor() {
		return this.group.next();
	}

	/**
	 * The number of open connections across all origins.
	 * @return the number of connections
	 */
	public int connectionCount() {
		return this.pools.values().stream().mapToInt(ConnectionPool::size).sum();
	}

	/**
	 * Visits every open connection with its origin.
	 * @param visitor receives the origin (such as {@code http://127.0.0.1:4243}) and the
	 * connection
	 */
	public void forEachConnection(BiConsumer<String, Http2Connection> visitor) {
		this.pools
			.forEach((origin, pool) -> pool.connections().forEach((connection) -> visitor.accept(origin, connection)));
	}

	/**
	 * The open connections to an origin.
	 * @param endpoint the endpoint whose origin is asked about
	 * @return the connections
	 */
	public List<Http2Connection> connections(Endpoint endpoint) {
		ConnectionPool pool = this.pools.get(endpoint.origin());
		return (pool != null) ? pool.connections() : List.of();
	}

	/**
	 * Whether {@link #close()} was called.
	 * @return whether closed
	 */
	public boolean isClosed() {
		return this.closed;
	}

	private Http2Connection connect(Endpoint endpoint, ConnectionPool pool) {
		int connectMillis = (int) Math.min(Integer.MAX_VALUE, this.config.connectTimeout().toMillis());
		Http2Connection connection = new Http2Connection(pool,
				this.config.maxStreamsPerConnection().orElse(Http2Connection.UNLIMITED),
				this.config.requestTimeout().toMillis());
		Bootstrap bootstrap = new Bootstrap().group(pool.loop())
			.channel(NioSocketChannel.class)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectMillis)
			.option(ChannelOption.TCP_NODELAY, true)
			.handler(new ChannelInitializer<Channel>() {
				@Override
				protected void initChannel(Channel channel) {
					connection.attach(channel, connectMillis);
					ChannelPipeline pipeline = channel.pipeline();
					pipeline.addLast(
							connection.new KeepAliveHandler(Http2Transport.this.config.keepAliveInterval().toMillis()));
					if (endpoint.secure()) {
						pipeline.addLast(sslContext().newHandler(channel.alloc(), endpoint.host(), endpoint.port()));
						pipeline.addLast(new AlpnHandler(endpoint, connection));
					}
					else {
						addHttp2Handlers(pipeline, connection);
					}
				}
			});
		try {
			bootstrap.connect(endpoint.host(), endpoint.port()).addListener((future) -> {
				if (!future.isSuccess()) {
					connection.fail(future.cause());
				}
			});
		}
		catch (RuntimeException ex) {
			connection.fail(ex);
		}
		return connection;
	}

	private final class AlpnHandler extends ApplicationProtocolNegotiationHandler {

		private final Endpoint endpoint;

		private final Http2Connection connection;

		AlpnHandler(Endpoint endpoint, Http2Connection connection) {
			super("none");
			this.endpoint = endpoint;
			this.connection = connection;
		}

		@Override
		protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
			if (!ApplicationProtocolNames.HTTP_2.equals(protocol)) {
				this.connection.fail(new StreamClosedException(
						this.endpoint.origin() + " did not negotiate HTTP/2 (ALPN gave " + protocol + ")"));
				return;
			}
			addHttp2Handlers(ctx.pipeline(), this.connection);
		}

	}

	private void addHttp2Handlers(ChannelPipeline pipeline, Http2Connection connection) {
		Http2Settings settings = Http2Settings.defaultSettings()
			.initialWindowSize(STREAM_WINDOW_BYTES)
			.pushEnabled(false)
			.maxConcurrentStreams(1000);
		pipeline.addLast(
				Http2FrameCodecBuilder.forClient().initialSettings(settings).gracefulShutdownTimeoutMillis(0).build());
		pipeline.addLast(new Http2MultiplexHandler(new ChannelInitializer<Channel>() {
			@Override
			protected void initChannel(Channel ch) {
				ch.close();
			}
		}));
		pipeline.addLast(connection.new ConnectionHandler(CONNECTION_WINDOW_BYTES - DEFAULT_CONNECTION_WINDOW_BYTES));
	}

	private SslContext sslContext() {
		SslContext context = this.sslContext;
		if (context == null) {
			synchronized (this) {
				context = this.sslContext;
				if (context == null) {
					try {
						context = SslContextBuilder.forClient()
							.trustManager(this.config.trustManagerFactory())
							.applicationProtocolConfig(
									new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
											ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
											ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
											ApplicationProtocolNames.HTTP_2))
							.build();
					}
					catch (SSLException ex) {
						throw new IllegalStateException("Cannot create the TLS context: " + ex.getMessage(), ex);
					}
					this.sslContext = context;
				}
			}
		}
		return context;
	}

	/**
	 * Closes every connection and stops the event loop threads, waiting for them to end.
	 */
	@Override
	public void close() {
		this.closed = true;
		List<ConnectionPool> all = new ArrayList<>(this.pools.values());
		List<io.netty.channel.ChannelFuture> closing = new ArrayList<>();
		all.forEach((pool) -> closing.addAll(pool.close()));
		for (io.netty.channel.ChannelFuture future : closing) {
			future.awaitUninterruptibly(5, TimeUnit.SECONDS);
		}
		this.group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
	}

}
