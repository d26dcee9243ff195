package io.github.s2spring.client.internal.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2ResetFrame;
import io.netty.util.ReferenceCountUtil;

/**
 * Turns the frames of one child stream channel into {@link StreamListener} calls; reports
 * a failure at most once, and only if the response had not ended.
 */
final class StreamChannelHandler extends ChannelInboundHandlerAdapter {

	private final StreamListener listener;

	private boolean done;

	StreamChannelHandler(StreamListener listener) {
		this.listener = listener;
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		try {
			if (this.done) {
				return;
			}
			if (msg instanceof Http2HeadersFrame headers) {
				this.done = headers.isEndStream();
				this.listener.onHeaders(headers.headers(), headers.isEndStream());
			}
			else if (msg instanceof Http2DataFrame data) {
				this.done = data.isEndStream();
				this.listener.onData(data.content(), data.isEndStream());
			}
		}
		finally {
			ReferenceCountUtil.release(msg);
		}
	}

	@Override
	public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
		if (evt instanceof Http2ResetFrame reset) {
			fail(new StreamResetException(reset.errorCode()));
		}
		ReferenceCountUtil.release(evt);
	}

	@Override
	public void channelInactive(ChannelHandlerContext ctx) {
		fail(new StreamClosedException("The HTTP/2 stream closed before the response ended"));
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
		fail(cause);
		ctx.close();
	}

	private void fail(Throwable cause) {
		if (!this.done) {
			this.done = true;
			this.listener.onFailure(cause);
		}
	}

	/**
	 * The peer reset the stream.
	 */
	static final class StreamResetException extends StreamClosedException {

		private static final long serialVersionUID = 1L;

		StreamResetException(long errorCode) {
			super("The server reset the HTTP/2 stream (error code " + errorCode + ")");
		}

	}

}
