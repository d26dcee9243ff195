package io.github.s2spring.embedded.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamChannelBootstrap;
import io.netty.handler.codec.http2.Http2StreamFrame;
import io.netty.handler.ssl.SslContext;
import io.netty.util.ReferenceCountUtil;

import io.github.s2spring.protocol.s2s.S2sFrame;
import io.github.s2spring.protocol.s2s.S2sFrameDecoder;
import io.github.s2spring.protocol.s2s.S2sFrameEncoder;
import io.github.s2spring.protocol.s2s.Compression;

/**
 * An HTTP/2 (h2c prior knowledge, or TLS) client for tests, on Netty: opens one stream
 * per request and decodes the response body as S2S frames.
 */
public final class H2Client implements AutoCloseable {

	private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());

	private final Channel connection;

	public H2Client(String host, int port) {
		this(host, port, null);
	}

	public H2Client(String host, int port, SslContext ssl) {
		this.connection = new Bootstrap().group(this.group)
			.channel(NioSocketChannel.class)
			.handler(new ChannelInitializer<Channel>() {
				@Override
				protected void initChannel(Channel ch) {
					if (ssl != null) {
						ch.pipeline().addLast(ssl.newHandler(ch.alloc(), host, port));
					}
					ch.pipeline().addLast(Http2FrameCodecBuilder.forClient().build());
					ch.pipeline().addLast(new Http2MultiplexHandler(new SimpleChannelInboundHandler<Object>() {
						@Override
						protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
						}
					}));
				}
			})
			.connect(host, port)
			.syncUninterruptibly()
			.channel();
	}

	/**
	 * Opens a stream with the given headers (name/value pairs after method and path).
	 */
	public Exchange open(String method, String path, boolean endStream, String... headers) {
		return open(true, method, path, endStream, headers);
	}

	/**
	 * Opens a stream; with {@code autoRead} false nothing is read (so no flow-control
	 * window is returned) until the caller resumes reading.
	 */
	public Exchange open(boolean autoRead, String method, String path, boolean endStream, String... headers) {
		Exchange exchange = new Exchange();
		Http2StreamChannel stream = new Http2StreamChannelBootstrap(this.connection).handler(exchange)
			.option(io.netty.channel.ChannelOption.AUTO_READ, autoRead)
			.open()
			.syncUninterruptibly()
			.getNow();
		exchange.stream = stream;
		Http2Headers h2 = new DefaultHttp2Headers().method(method).path(path).scheme("http").authority("localhost");
		for (int i = 0; i + 1 < headers.length; i += 2) {
			h2.add(headers[i], headers[i + 1]);
		}
		stream.writeAndFlush(new DefaultHttp2HeadersFrame(h2, endStream)).syncUninterruptibly();
		return exchange;
	}

	@Override
	public void close() {
		this.connection.close().syncUninterruptibly();
		this.group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
	}

	/**
	 * One HTTP/2 stream: its status, its body as S2S frames (or raw bytes) and its end.
	 */
	public static final class Exchange extends SimpleChannelInboundHandler<Http2StreamFrame> {

		private Http2StreamChannel stream;

		public final CompletableFuture<Integer> status = new CompletableFuture<>();

		public final CompletableFuture<Void> ended = new CompletableFuture<>();

		public final BlockingQueue<S2sFrame> frames = new LinkedBlockingQueue<>();

		public final AtomicLong receivedBytes = new AtomicLong();

		private final S2sFrameDecoder decoder = new S2sFrameDecoder();

		private final List<byte[]> raw = new ArrayList<>();

		private final S2sFrameEncoder encoder = new S2sFrameEncoder(Compression.NONE);

		public Http2StreamChannel stream() {
			return this.stream;
		}

		public void send(S2sFrame frame) {
			send(this.encoder.encode(frame, Unpooled.buffer().alloc()), false);
		}

		public void send(ByteBuf bytes, boolean endStream) {
			this.stream.writeAndFlush(new DefaultHttp2DataFrame(bytes, endStream));
		}

		public void endInput() {
			this.stream.writeAndFlush(new DefaultHttp2DataFrame(Unpooled.EMPTY_BUFFER, true));
		}

		public S2sFrame nextFrame() throws InterruptedException {
			S2sFrame frame = this.frames.poll(30, TimeUnit.SECONDS);
			if (frame == null) {
				throw new AssertionError("no frame within 30 s (ended: " + this.ended.isDone() + ")");
			}
			return frame;
		}

		public synchronized byte[] rawBody() {
			int size = this.raw.stream().mapToInt((b) -> b.length).sum();
			byte[] all = new byte[size];
			int at = 0;
			for (byte[] part : this.raw) {
				System.arraycopy(part, 0, all, at, part.length);
				at += part.length;
			}
			return all;
		}

		@Override
		protected void channelRead0(ChannelHandlerContext ctx, Http2StreamFrame msg) {
			if (msg instanceof Http2HeadersFrame headers) {
				if (headers.headers().status() != null) {
					this.status.complete(Integer.parseInt(headers.headers().status().toString()));
				}
				if (headers.isEndStream()) {
					this.ended.complete(null);
				}
			}
			else if (msg instanceof Http2DataFrame data) {
				ByteBuf content = data.content();
				this.receivedBytes.addAndGet(content.readableBytes());
				byte[] bytes = new byte[content.readableBytes()];
				content.getBytes(content.readerIndex(), bytes);
				synchronized (this) {
					this.raw.add(bytes);
				}
				try {
					this.decoder.decode(content, this.frames::add);
				}
				catch (RuntimeException ex) {
					// Non-S2S body (an error JSON): kept in rawBody().
				}
				if (data.isEndStream()) {
					this.ended.complete(null);
				}
			}
			else {
				ReferenceCountUtil.retain(msg);
				ReferenceCountUtil.release(msg);
			}
		}

		@Override
		public void channelInactive(ChannelHandlerContext ctx) {
			this.ended.complete(null);
			ctx.fireChannelInactive();
		}

	}

}
