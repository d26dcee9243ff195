package io.github.s2spring.embedded.http;

import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import io.netty.handler.ssl.SslContext;
import org.jspecify.annotations.Nullable;

import io.github.s2spring.embedded.record.RequestRecorder;

/**
 * Builds each connection's pipeline. With TLS, ALPN picks {@code h2} or {@code http/1.1};
 * in cleartext the first bytes decide: the HTTP/2 connection preface
 * ({@code PRI * HTTP/2.0}) selects h2c with prior knowledge, anything else HTTP/1.1.
 * Either way each request ends up as HTTP objects in an {@link ExchangeHandler}.
 */
public final class ServerInitializer extends ChannelInitializer<Channel> {

	/** Bytes buffered per channel before writes report the channel as unwritable. */
	private static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(256 * 1024, 1024 * 1024);

	private static final int STREAM_WINDOW_BYTES = 1024 * 1024;

	/** Extra connection-level receive window, so that many sessions upload at once. */
	private static final int CONNECTION_WINDOW_BYTES = 16 * 1024 * 1024;

	/**
	 * Sessions one connection may hold open by default: thousands of streams share few
	 * connections.
	 */
	public static final int DEFAULT_MAX_CONCURRENT_STREAMS = 5000;

	private final HttpContext context;

	private final @Nullable SslContext sslContext;

	private final ChannelGroup channels;

	private final int maxConcurrentStreams;

	/**
	 * Creates the initializer.
	 * @param context the shared server context
	 * @param sslContext TLS, or {@code null} for cleartext
	 * @param channels where open connections are tracked for shutdown
	 * @param maxConcurrentStreams the {@code SETTINGS_MAX_CONCURRENT_STREAMS} advertised
	 * on every HTTP/2 connection
	 */
	public ServerInitializer(HttpContext context, @Nullable SslContext sslContext, ChannelGroup channels,
			int maxConcurrentStreams) {
		this.context = context;
		this.sslContext = sslContext;
		this.channels = channels;
		this.maxConcurrentStreams = maxConcurrentStreams;
	}

	@Override
	protected void initChannel(Channel channel) {
		this.channels.add(channel);
		channel.config().setWriteBufferWaterMark(WATER_MARK);
		ChannelPipeline pipeline = channel.pipeline();
		if (this.sslContext != null) {
			pipeline.addLast("tls", this.sslContext.newHandler(channel.alloc()));
			pipeline.addLast("alpn", new ApplicationProtocolNegotiationHandler(ApplicationProtocolNames.HTTP_1_1) {
				@Override
				protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
					if (ApplicationProtocolNames.HTTP_2.equals(protocol)) {
						http2(ctx.pipeline());
					}
					else {
						http1(ctx.pipeline());
					}
				}

				@Override
				protected void handshakeFailure(ChannelHandlerContext ctx, Throwable cause) {
					ctx.close();
				}
			});
		}
		else {
			pipeline.addLast("detect", new PrefaceDetector());
		}
	}

	private void http1(ChannelPipeline pipeline) {
		pipeline.addLast(new HttpServerCodec(8192, 64 * 1024, 64 * 1024));
		pipeline.addLast(new HttpServerKeepAliveHandler());
		pipeline.addLast(new HttpServerExpectContinueHandler());
		addExchange(pipeline, "HTTP/1.1");
	}

	private void http2(ChannelPipeline pipeline) {
		Http2Settings settings = Http2Settings.defaultSettings()
			.maxConcurrentStreams(this.maxConcurrentStreams)
			.initialWindowSize(STREAM_WINDOW_BYTES)
			.maxHeaderListSize(64 * 1024);
		Http2FrameCodec codec = Http2FrameCodecBuilder.forServer().initialSettings(settings).build();
		pipeline.addLast(codec);
		try {
			codec.connection()
				.local()
				.flowController()
				.incrementWindowSize(codec.connection().connectionStream(), CONNECTION_WINDOW_BYTES);
		}
		catch (Http2Exception ex) {
			pipeline.close();
			return;
		}
		pipeline.addLast(new Http2MultiplexHandler(new ChannelInitializer<Channel>() {
			@Override
			protected void initChannel(Channel stream) {
				stream.config().setWriteBufferWaterMark(WATER_MARK);
				stream.pipeline().addLast(new Http2StreamFrameToHttpObjectCodec(true));
				addExchange(stream.pipeline(), "HTTP/2");
			}
		}));
		pipeline.addLast(new ConnectionErrorHandler());
	}

	private void addExchange(ChannelPipeline pipeline, String protocol) {
		RequestRecorder recorder = this.context.recorder();
		if (recorder != null) {
			pipeline.addLast(new RecordingHandler(this.context, recorder, protocol));
		}
		pipeline.addLast(new ExchangeHandler(this.context));
	}

	/**
	 * Ends a connection whose HTTP/2 framing failed; the codec has already told the peer
	 * (GOAWAY), so nothing is left to log.
	 */
	private static final class ConnectionErrorHandler extends ChannelInboundHandlerAdapter {

		@Override
		public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
			ctx.close();
		}

	}

	/**
	 * Looks at the first bytes of a cleartext connection and installs HTTP/2 or HTTP/1.1.
	 */
	private final class PrefaceDetector extends ByteToMessageDecoder {

		@Override
		protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
			ByteBuf preface = Http2CodecUtil.connectionPrefaceBuf();
			try {
				int available = Math.min(in.readableBytes(), preface.readableBytes());
				boolean matches = ByteBufUtil.equals(in, in.readerIndex(), preface, 0, available);
				if (matches && available < preface.readableBytes()) {
					return;
				}
				ChannelPipeline pipeline = ctx.pipeline();
				if (matches) {
					http2(pipeline);
				}
				else {
					http1(pipeline);
				}
				pipeline.remove(this);
			}
			finally {
				preface.release();
			}
		}

	}

}
