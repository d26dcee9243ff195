package io.github.s2spring.client.fault;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2GoAwayFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.DefaultThreadFactory;

import io.github.s2spring.protocol.s2s.Compression;
import io.github.s2spring.protocol.s2s.S2sFrame;
import io.github.s2spring.protocol.s2s.S2sFrameEncoder;

/**
 * A tiny h2c server whose streams follow a script, to make a server misbehave in ways the
 * embedded server never does: chosen statuses, terminal frames, reconnect advice,
 * malformed frames, GOAWAY.
 */
final class ScriptedH2Server implements AutoCloseable {

	private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("scripted-h2"),
			NioIoHandler.newFactory());

	private final Channel channel;

	private final List<Http2Headers> requests = new CopyOnWriteArrayList<>();

	private final AtomicInteger connections = new AtomicInteger();

	ScriptedH2Server(Supplier<Script> scripts) throws InterruptedException {
		this.channel = new ServerBootstrap().group(this.group)
			.channel(NioServerSocketChannel.class)
			.childHandler(new ChannelInitializer<Channel>() {
				@Override
				protected void initChannel(Channel ch) {
					ScriptedH2Server.this.connections.incrementAndGet();
					ch.pipeline().addLast(Http2FrameCodecBuilder.forServer().build());
					ch.pipeline().addLast(new Http2MultiplexHandler(new ChannelInitializer<Channel>() {
						@Override
						protected void initChannel(Channel stream) {
							stream.pipeline().addLast(new StreamHandler(scripts.get()));
						}
					}));
				}
			})
			.bind("127.0.0.1", 0)
			.sync()
			.channel();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + ((java.net.InetSocketAddress) this.channel.localAddress()).getPort();
	}

	List<Http2Headers> requests() {
		return this.requests;
	}

	int connections() {
		return this.connections.get();
	}

	@Override
	public void close() {
		this.channel.close().syncUninterruptibly();
		this.group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
	}

	/**
	 * What a stream does.
	 */
	interface Script {

		/**
		 * The request headers arrived.
		 * @param stream the stream
		 * @param headers the headers
		 */
		void onRequest(Exchange stream, Http2Headers headers);

		/**
		 * Request body bytes arrived.
		 * @param stream the stream
		 * @param data the bytes
		 */
		default void onData(Exchange stream, byte[] data) {
		}

	}

	/**
	 * The server side of one stream.
	 */
	static final class Exchange {

		private static final S2sFrameEncoder ENCODER = new S2sFrameEncoder(Compression.NONE);

		private final ChannelHandlerContext ctx;

		Exchange(ChannelHandlerContext ctx) {
			this.ctx = ctx;
		}

		void status(int status, boolean endStream) {
			this.ctx.writeAndFlush(new DefaultHttp2HeadersFrame(
					new DefaultHttp2Headers().status(Integer.toString(status)), endStream));
		}

		void respond(int status, String json) {
			status(status, false);
			data(Unpooled.copiedBuffer(json, java.nio.charset.StandardCharsets.UTF_8), true);
		}

		void respond(int status, byte[] body) {
			status(status, false);
			data(Unpooled.wrappedBuffer(body), true);
		}

		void frame(S2sFrame frame) {
			data(ENCODER.encode(frame, this.ctx.alloc()), false);
		}

		void raw(int flag, byte[] payload) {
			ByteBuf buf = this.ctx.alloc().buffer();
			buf.writeMedium(payload.length + 1).writeByte(flag).writeBytes(payload);
			data(buf, false);
		}

		void data(ByteBuf data, boolean endStream) {
			this.ctx.writeAndFlush(new DefaultHttp2DataFrame(data, endStream));
		}

		void end() {
			data(Unpooled.EMPTY_BUFFER, true);
		}

		void goAway() {
			this.ctx.channel().parent().writeAndFlush(new DefaultHttp2GoAwayFrame(Http2Error.NO_ERROR));
		}

		void closeConnection() {
			this.ctx.channel().parent().close();
		}

	}

	private final class StreamHandler extends ChannelInboundHandlerAdapter {

		private final Script script;

		StreamHandler(Script script) {
			this.script = script;
		}

		@Override
		public void channelRead(ChannelHandlerContext ctx, Object msg) {
			try {
				if (msg instanceof Http2HeadersFrame headers) {
					ScriptedH2Server.this.requests.add(headers.headers());
					this.script.onRequest(new Exchange(ctx), headers.headers());
				}
				else if (msg instanceof Http2DataFrame data && data.content().isReadable()) {
					byte[] bytes = new byte[data.content().readableBytes()];
					data.content().readBytes(bytes);
					this.script.onData(new Exchange(ctx), bytes);
				}
			}
			finally {
				ReferenceCountUtil.release(msg);
			}
		}

	}

}
