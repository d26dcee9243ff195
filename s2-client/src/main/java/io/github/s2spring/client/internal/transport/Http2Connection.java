package io.github.s2spring.client.internal.transport;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http2.DefaultHttp2PingFrame;
import io.netty.handler.codec.http2.DefaultHttp2WindowUpdateFrame;
import io.netty.handler.codec.http2.Http2GoAwayFrame;
import io.netty.handler.codec.http2.Http2PingFrame;
import io.netty.handler.codec.http2.Http2SettingsFrame;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamChannelBootstrap;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;

/**
 * One multiplexed HTTP/2 connection of a {@link ConnectionPool}. It accepts new streams
 * until it holds its {@linkplain #streamLimit() limit}, receives GOAWAY, fails a
 * keep-alive PING, or is {@linkplain #poison() poisoned}; it closes itself once it stops
 * accepting streams and none is left.
 * <p>
 * The limit is the smaller of the configured cap and the server's
 * {@code SETTINGS_MAX_CONCURRENT_STREAMS}, read from every SETTINGS frame: a server may
 * lower or raise it at any time. A lowered limit never ends open streams; it only holds
 * back new ones until enough have closed. Slots are reserved against the live limit, so
 * the pool never asks Netty for a stream the server would refuse. Until the server names
 * a limit it has none (RFC 9113 §6.5.2), and without a cap either a connection takes up
 * to {@link #UNLIMITED} streams: the server said it accepts any number, and a user who
 * wants streams spread over more connections sets a cap.
 */
public final class Http2Connection {

	/** The limit when neither the server nor the configuration sets one. */
	public static final int UNLIMITED = Integer.MAX_VALUE;

	private volatile @Nullable Channel channel;

	private volatile boolean closeRequested;

	private final ConnectionPool pool;

	private final int streamCap;

	private long serverLimit = UNLIMITED;

	private final long pingTimeoutMillis;

	private final CompletableFuture<Http2Connection> ready = new CompletableFuture<>();

	private int activeStreams;

	private boolean accepting = true;

	private @Nullable ScheduledFuture<?> pingTimeout;

	private long pingPayload;

	/**
	 * Creates a connection that is not connected yet.
	 * @param pool the pool it belongs to
	 * @param streamCap the configured cap on its streams, {@link #UNLIMITED} for none
	 * @param pingTimeoutMillis how long a keep-alive PING may go unanswered
	 */
	Http2Connection(ConnectionPool pool, int streamCap, long pingTimeoutMillis) {
		this.pool = pool;
		this.streamCap = streamCap;
		this.pingTimeoutMillis = pingTimeoutMillis;
	}

	/**
	 * Binds this connection to its channel, once the channel exists.
	 * @param channel the channel
	 * @param readyTimeoutMillis how long the connection may take to become ready
	 */
	void attach(Channel channel, long readyTimeoutMillis) {
		this.channel = channel;
		channel.closeFuture().addListener((future) -> {
			synchronized (this) {
				this.accepting = false;
			}
			this.ready.completeExceptionally(new StreamClosedException("The connection closed before it was ready"));
			this.pool.remove(this);
		});
		channel.eventLoop().schedule(() -> {
			if (this.ready.completeExceptionally(new java.net.ConnectException(
					"The connection was not ready within " + readyTimeoutMillis + " ms"))) {
				channel.close();
			}
		}, readyTimeoutMillis, TimeUnit.MILLISECONDS);
		if (this.closeRequested) {
			channel.close();
		}
	}

	/**
	 * Fails this connection before it got a channel, or closes it.
	 * @param cause why
	 */
	void fail(Throwable cause) {
		this.ready.completeExceptionally(cause);
		close();
		this.pool.remove(this);
	}

	CompletableFuture<Http2Connection> ready() {
		return this.ready;
	}

	/**
	 * Reserves a stream slot if this connection accepts another stream.
	 * @return whether a slot was reserved
	 */
	synchronized boolean tryReserve() {
		Channel ch = this.channel;
		if (!this.accepting || ch == null || !ch.isActive() || !this.ready.isDone()
				|| this.ready.isCompletedExceptionally() || this.activeStreams >= streamLimit()) {
			return false;
		}
		this.activeStreams++;
		return true;
	}

	/**
	 * Opens a stream in a reserved slot.
	 * @param listener receives the stream's events
	 * @return the stream, once opened
	 */
	CompletableFuture<H2Stream> openReserved(StreamListener listener) {
		CompletableFuture<H2Stream> result = new CompletableFuture<>();
		new Http2StreamChannelBootstrap(channel()).option(ChannelOption.AUTO_READ, false)
			.handler(new StreamChannelHandler(listener))
			.open()
			.addListener((future) -> {
				if (future.isSuccess()) {
					Http2StreamChannel stream = (Http2StreamChannel) future.getNow();
					stream.closeFuture().addListener((closed) -> release());
					result.complete(new H2Stream(stream, this));
				}
				else {
					release();
					result.completeExceptionally(future.cause());
				}
			});
		return result;
	}

	void release() {
		boolean close;
		synchronized (this) {
			this.activeStreams--;
			close = !this.accepting && this.activeStreams == 0;
		}
		if (close) {
			close();
		}
	}

	/**
	 * Stops new streams on this connection and checks it with a PING: if the server does
	 * not answer in time, the connection is closed. Called when a stream on it timed out.
	 */
	public void poison() {
		boolean close;
		synchronized (this) {
			this.accepting = false;
			close = this.activeStreams == 0;
		}
		Channel ch = this.channel;
		if (close || ch == null) {
			close();
		}
		else {
			ch.eventLoop().execute(this::ping);
		}
	}

	/**
	 * How many streams are open on this connection.
	 * @return the number of streams
	 */
	public synchronized int activeStreams() {
		return this.activeStreams;
	}

	/**
	 * How many streams this connection may carry now: the smaller of the configured cap
	 * and the server's latest {@code SETTINGS_MAX_CONCURRENT_STREAMS}.
	 * @return the limit, {@link #UNLIMITED} if neither sets one
	 */
	public synchronized int streamLimit() {
		return (int) Math.min(this.streamCap, this.serverLimit);
	}

	/**
	 * Takes the server's new {@code SETTINGS_MAX_CONCURRENT_STREAMS}; streams beyond it
	 * stay open.
	 * @param limit the advertised value (an unsigned 32-bit number)
	 */
	synchronized void serverLimit(long limit) {
		this.serverLimit = limit;
	}

	/**
	 * Whether the connection is open.
	 * @return whether open
	 */
	public boolean isOpen() {
		Channel ch = this.channel;
		return ch != null && ch.isActive();
	}

	@Nullable ChannelFuture close() {
		this.closeRequested = true;
		Channel ch = this.channel;
		return (ch != null) ? ch.close() : null;
	}

	private Channel channel() {
		Channel ch = this.channel;
		if (ch == null) {
			throw new IllegalStateException("The connection has no channel yet");
		}
		return ch;
	}

	private void ping() {
		Channel ch = channel();
		if (this.pingTimeout != null || !ch.isActive()) {
			return;
		}
		this.pingPayload = ThreadLocalRandom.current().nextLong();
		ch.writeAndFlush(new DefaultHttp2PingFrame(this.pingPayload));
		this.pingTimeout = ch.eventLoop().schedule(() -> {
			ch.close();
		}, this.pingTimeoutMillis, TimeUnit.MILLISECONDS);
	}

	private void onGoAway() {
		boolean close;
		synchronized (this) {
			this.accepting = false;
			close = this.activeStreams == 0;
		}
		if (close) {
			close();
		}
	}

	/**
	 * Sends a PING when nothing was read for the keep-alive interval.
	 */
	final class KeepAliveHandler extends IdleStateHandler {

		KeepAliveHandler(long intervalMillis) {
			super(intervalMillis, 0, 0, TimeUnit.MILLISECONDS);
		}

		@Override
		protected void channelIdle(ChannelHandlerContext ctx, IdleStateEvent evt) {
			if (evt.state() == IdleState.READER_IDLE) {
				ping();
			}
		}

	}

	/**
	 * Handles the connection-level frames: SETTINGS (ready, stream limit), PING acks,
	 * GOAWAY.
	 */
	final class ConnectionHandler extends ChannelInboundHandlerAdapter {

		private final int connectionWindowIncrement;

		ConnectionHandler(int connectionWindowIncrement) {
			this.connectionWindowIncrement = connectionWindowIncrement;
		}

		@Override
		public void channelRead(ChannelHandlerContext ctx, Object msg) {
			try {
				if (msg instanceof Http2SettingsFrame settings) {
					onSettings(ctx, settings.settings().maxConcurrentStreams());
				}
				else if (msg instanceof Http2PingFrame ping && ping.ack()
						&& ping.content() == Http2Connection.this.pingPayload
						&& Http2Connection.this.pingTimeout != null) {
					Http2Connection.this.pingTimeout.cancel(false);
					Http2Connection.this.pingTimeout = null;
				}
				else if (msg instanceof Http2GoAwayFrame) {
					onGoAway();
				}
			}
			finally {
				ReferenceCountUtil.release(msg);
			}
		}

		/**
		 * A SETTINGS frame names only what changed: without
		 * {@code SETTINGS_MAX_CONCURRENT_STREAMS} the limit stays as it was (unlimited
		 * until the server first names one).
		 */
		private void onSettings(ChannelHandlerContext ctx, @Nullable Long maxConcurrentStreams) {
			if (maxConcurrentStreams != null) {
				serverLimit(maxConcurrentStreams);
			}
			if (!Http2Connection.this.ready.isDone()) {
				if (this.connectionWindowIncrement > 0) {
					ctx.writeAndFlush(new DefaultHttp2WindowUpdateFrame(this.connectionWindowIncrement));
				}
				Http2Connection.this.ready.complete(Http2Connection.this);
			}
		}

		@Override
		public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
			Http2Connection.this.ready.completeExceptionally(cause);
			ctx.close();
		}

	}

}
