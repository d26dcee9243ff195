package io.github.s2spring.client.transport;

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
 * until it holds the maximum, receives GOAWAY, fails a keep-alive PING, or is
 * {@linkplain #poison() poisoned}; it closes itself once it stops accepting streams and
 * none is left.
 */
public final class Http2Connection {

	private volatile @Nullable Channel channel;

	private volatile boolean closeRequested;

	private final ConnectionPool pool;

	private final int maxStreams;

	private final long pingTimeoutMillis;

	private final CompletableFuture<Http2Connection> ready = new CompletableFuture<>();

	private int activeStreams;

	private boolean accepting = true;

	private @Nullable ScheduledFuture<?> pingTimeout;

	private long pingPayload;

	Http2Connection(ConnectionPool pool, int maxStreams, long pingTimeoutMillis) {
		this.pool = pool;
		this.maxStreams = maxStreams;
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
				|| this.ready.isCompletedExceptionally() || this.activeStreams >= this.maxStreams) {
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

	private void release() {
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
	 * Handles the connection-level frames: SETTINGS (ready), PING acks, GOAWAY.
	 */
	final class ConnectionHandler extends ChannelInboundHandlerAdapter {

		private final int connectionWindowIncrement;

		ConnectionHandler(int connectionWindowIncrement) {
			this.connectionWindowIncrement = connectionWindowIncrement;
		}

		@Override
		public void channelRead(ChannelHandlerContext ctx, Object msg) {
			try {
				if (msg instanceof Http2SettingsFrame && !Http2Connection.this.ready.isDone()) {
					if (this.connectionWindowIncrement > 0) {
						ctx.writeAndFlush(new DefaultHttp2WindowUpdateFrame(this.connectionWindowIncrement));
					}
					Http2Connection.this.ready.complete(Http2Connection.this);
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

		@Override
		public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
			Http2Connection.this.ready.completeExceptionally(cause);
			ctx.close();
		}

	}

}
