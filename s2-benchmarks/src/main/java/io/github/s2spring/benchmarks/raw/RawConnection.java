package io.github.s2spring.benchmarks.raw;

import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2SettingsFrame;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamChannelBootstrap;
import io.netty.handler.codec.http2.Http2StreamFrame;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * One h2c (prior knowledge) connection to an S2 server that opens raw S2S streams: the
 * caller writes pre-encoded frames and receives the raw bytes of the response.
 */
public final class RawConnection implements AutoCloseable {

	private static final int WINDOW_BYTES = 16 * 1024 * 1024;

	private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("raw-client"),
			NioIoHandler.newFactory());

	private final Channel channel;

	private final String authority;

	private final String basePath;

	private final String basin;

	private final CountDownLatch settled = new CountDownLatch(1);

	private final Http2FrameCodec codec;

	private RawConnection(URI baseUrl, String basin) throws InterruptedException {
		this.authority = baseUrl.getHost() + ":" + baseUrl.getPort();
		this.basePath = baseUrl.getPath().endsWith("/") ? baseUrl.getPath().substring(0, baseUrl.getPath().length() - 1)
				: baseUrl.getPath();
		this.basin = basin;
		Bootstrap bootstrap = new Bootstrap().group(this.group)
			.channel(NioSocketChannel.class)
			.option(ChannelOption.TCP_NODELAY, true)
			.handler(new ChannelInitializer<Channel>() {
				@Override
				protected void initChannel(Channel ch) {
					Http2FrameCodec codec = Http2FrameCodecBuilder.forClient()
						.initialSettings(Http2Settings.defaultSettings().initialWindowSize(WINDOW_BYTES))
						.build();
					ch.pipeline().addLast(codec, new Http2MultiplexHandler(new SimpleChannelInboundHandler<Object>() {
						@Override
						protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
						}
					}), new SimpleChannelInboundHandler<Object>() {
						@Override
						protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
							if (msg instanceof Http2SettingsFrame) {
								RawConnection.this.settled.countDown();
							}
						}
					});
				}
			});
		this.channel = bootstrap.connect(baseUrl.getHost(), baseUrl.getPort()).sync().channel();
		if (!this.settled.await(10, TimeUnit.SECONDS)) {
			this.channel.close();
			throw new IllegalStateException("The server sent no SETTINGS within 10 s");
		}
		Http2FrameCodec codec = this.channel.pipeline().get(Http2FrameCodec.class);
		this.codec = codec;
		this.channel.eventLoop().submit(() -> {
			codec.connection()
				.local()
				.flowController()
				.incrementWindowSize(codec.connection().connectionStream(), WINDOW_BYTES);
			return null;
		}).sync();
	}

	/**
	 * Connects to a server.
	 * @param baseUrl the server's base URL with the {@code /v1} path, for example
	 * {@code http://127.0.0.1:4243/v1}
	 * @param basin the basin of every stream opened on this connection
	 * @return the connection
	 * @throws InterruptedException if interrupted while connecting
	 */
	public static RawConnection open(URI baseUrl, String basin) throws InterruptedException {
		return new RawConnection(baseUrl, basin);
	}

	/**
	 * Opens an S2S stream: an append session ({@code POST}) or a read session
	 * ({@code GET}).
	 * @param method {@code POST} or {@code GET}
	 * @param stream the stream name, already percent-encoded
	 * @param query the query string without {@code ?}, or empty
	 * @param data receives each DATA frame's bytes (released after the call)
	 * @param status receives the response status
	 * @return the HTTP/2 stream to write frames to
	 * @throws InterruptedException if interrupted while opening
	 */
	public Http2StreamChannel openSession(String method, String stream, String query, Consumer<ByteBuf> data,
			Consumer<Integer> status) throws InterruptedException {
		Http2StreamChannel child = new Http2StreamChannelBootstrap(this.channel)
			.handler(new SimpleChannelInboundHandler<Http2StreamFrame>() {
				@Override
				protected void channelRead0(ChannelHandlerContext ctx, Http2StreamFrame frame) {
					if (frame instanceof Http2HeadersFrame headers && headers.headers().status() != null) {
						status.accept(Integer.parseInt(headers.headers().status().toString()));
					}
					else if (frame instanceof Http2DataFrame dataFrame) {
						data.accept(dataFrame.content());
					}
				}
			})
			.open()
			.sync()
			.getNow();
		String path = this.basePath + "/streams/" + stream + "/records" + (query.isEmpty() ? "" : "?" + query);
		Http2Headers headers = new DefaultHttp2Headers().method(method)
			.path(path)
			.scheme("http")
			.authority(this.authority)
			.add("content-type", "s2s/proto")
			.add("s2-basin", this.basin);
		child.writeAndFlush(new DefaultHttp2HeadersFrame(headers, method.equals("GET"))).sync();
		return child;
	}

	/**
	 * How many streams the server allows open at once on this connection (its
	 * SETTINGS_MAX_CONCURRENT_STREAMS).
	 * @return the number of streams
	 */
	public int maxStreams() {
		return this.codec.connection().local().maxActiveStreams();
	}

	/**
	 * Writes bytes to a stream without ending it.
	 * @param stream the stream
	 * @param bytes the bytes; ownership passes to the stream
	 */
	public static void write(Http2StreamChannel stream, ByteBuf bytes) {
		stream.writeAndFlush(new DefaultHttp2DataFrame(bytes, false));
	}

	/**
	 * Ends the request body of a stream.
	 * @param stream the stream
	 */
	public static void end(Http2StreamChannel stream) {
		stream.writeAndFlush(new DefaultHttp2DataFrame(true));
	}

	/**
	 * Closes the connection and its thread.
	 */
	@Override
	public void close() {
		this.channel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
		this.group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
	}

}
