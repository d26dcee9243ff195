package io.github.s2spring.embedded.http;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.util.ReferenceCountUtil;
import org.jspecify.annotations.Nullable;

import io.github.s2spring.embedded.error.ApiException;
import io.github.s2spring.protocol.error.ErrorCode;

/**
 * Turns HTTP messages (from HTTP/1.1 or from one HTTP/2 stream) into {@link Call}s:
 * routes each request, authorizes it, aggregates or streams its body, and hands it to its
 * endpoint. Every failure becomes S2's error JSON; nothing escapes to the pipeline.
 */
final class ExchangeHandler extends ChannelInboundHandlerAdapter {

	/** Largest unary request body accepted, before and after decompression. */
	static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

	private final HttpContext context;

	private @Nullable Call call;

	private @Nullable Endpoint endpoint;

	private @Nullable CompositeByteBuf aggregate;

	private boolean discarding;

	ExchangeHandler(HttpContext context) {
		this.context = context;
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		try {
			if (msg instanceof HttpRequest request) {
				startRequest(ctx, request);
			}
			if (msg instanceof HttpContent content) {
				content(content);
			}
		}
		catch (Throwable ex) {
			failCurrent(ex);
		}
		finally {
			ReferenceCountUtil.release(msg);
		}
	}

	private void startRequest(ChannelHandlerContext ctx, HttpRequest request) {
		releaseAggregate();
		this.endpoint = null;
		this.discarding = false;
		boolean http2 = ctx.channel() instanceof Http2StreamChannel;
		if (request.decoderResult().isFailure()) {
			this.call = null;
			this.discarding = true;
			rejectMalformed(ctx, request.decoderResult().cause());
			return;
		}
		String uri = request.uri();
		int question = uri.indexOf('?');
		String path = (question >= 0) ? uri.substring(0, question) : uri;
		boolean keepAlive = http2 || HttpUtil.isKeepAlive(request);
		QueryParams query;
		try {
			query = new QueryParams(uri);
		}
		catch (ApiException ex) {
			query = null;
			this.call = new Call(ctx.channel(), this.context, request.method(), path, request.headers(),
					new QueryParams(""), http2, keepAlive);
			this.discarding = true;
			this.call.fail(ex);
			return;
		}
		Call current = new Call(ctx.channel(), this.context, request.method(), path, request.headers(), query, http2,
				keepAlive);
		this.call = current;
		if (request.method().equals(HttpMethod.OPTIONS) && this.context.cors()) {
			this.discarding = true;
			respondPreflight(ctx, request, keepAlive);
			return;
		}
		Router.Match match = this.context.router().match(request.method(), path);
		current.params(match.params());
		if (match.operation() != null) {
			this.context.authorize(current, match.operation());
		}
		this.endpoint = match.endpoint();
		if (match.endpoint().streamsRequestBody(current)) {
			match.endpoint().handle(current);
		}
		else {
			this.aggregate = ctx.alloc().compositeBuffer(1024);
		}
	}

	private void content(HttpContent content) {
		Call current = this.call;
		if (current == null || this.discarding) {
			return;
		}
		boolean last = content instanceof LastHttpContent;
		if (this.aggregate == null) {
			if (content.content().isReadable()) {
				current.bodyChunk(content.content());
			}
			if (last) {
				current.bodyEnd();
			}
			return;
		}
		CompositeByteBuf buffer = this.aggregate;
		if (buffer.readableBytes() + content.content().readableBytes() > MAX_BODY_BYTES) {
			releaseAggregate();
			this.discarding = true;
			current.fail(ApiException.of(ErrorCode.INVALID, "Request body exceeds " + MAX_BODY_BYTES + " bytes"));
			return;
		}
		if (content.content().isReadable()) {
			buffer.addComponent(true, content.content().retain());
		}
		if (last) {
			byte[] raw = ByteBufUtil.getBytes(buffer);
			releaseAggregate();
			Endpoint target = this.endpoint;
			current.body(BodyDecoding.decode(current.header(HttpHeaderNames.CONTENT_ENCODING), raw, MAX_BODY_BYTES));
			if (target != null) {
				target.handle(current);
			}
		}
	}

	private void failCurrent(Throwable ex) {
		releaseAggregate();
		this.discarding = true;
		if (this.call != null) {
			if (this.call.streamsBody() && this.call.responded()) {
				return;
			}
			this.call.fail(ex);
		}
	}

	private void rejectMalformed(ChannelHandlerContext ctx, Throwable cause) {
		ApiException error = ApiException.of(ErrorCode.BAD_HEADER,
				"Malformed HTTP request: " + String.valueOf(cause.getMessage()));
		byte[] body = error.json().getBytes(StandardCharsets.UTF_8);
		FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
				HttpResponseStatus.valueOf(error.status()), ctx.alloc().buffer(body.length).writeBytes(body));
		response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
		response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
		HttpUtil.setContentLength(response, body.length);
		ctx.writeAndFlush(response).addListener((future) -> ctx.close());
	}

	private void respondPreflight(ChannelHandlerContext ctx, HttpRequest request, boolean keepAlive) {
		FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NO_CONTENT);
		Cors.preflight(request.headers(), response.headers());
		HttpUtil.setContentLength(response, 0);
		if (!keepAlive) {
			response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
		}
		ctx.writeAndFlush(response);
	}

	@Override
	public void channelWritabilityChanged(ChannelHandlerContext ctx) {
		if (ctx.channel().isWritable() && this.call != null) {
			this.call.writable();
		}
		ctx.fireChannelWritabilityChanged();
	}

	@Override
	public void channelInactive(ChannelHandlerContext ctx) {
		releaseAggregate();
		if (this.call != null) {
			this.call.disconnected();
		}
		ctx.fireChannelInactive();
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
		ctx.close();
	}

	private void releaseAggregate() {
		ByteBuf buffer = this.aggregate;
		this.aggregate = null;
		if (buffer != null) {
			buffer.release();
		}
	}

}
