package io.github.s2spring.embedded.http;

import java.io.ByteArrayOutputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import org.jspecify.annotations.Nullable;

import io.github.s2spring.embedded.error.ApiException;
import io.github.s2spring.embedded.record.RecordedRequest;
import io.github.s2spring.embedded.record.RequestRecorder;

/**
 * Copies each request it passes on (head and body, untouched) and hands it to the
 * server's {@link RequestRecorder} once the body is complete, or when the exchange ends
 * first. Sits just before the {@link ExchangeHandler}, and only when a recorder is set.
 */
final class RecordingHandler extends ChannelInboundHandlerAdapter {

	private final HttpContext context;

	private final RequestRecorder recorder;

	private final String protocol;

	private @Nullable Pending pending;

	RecordingHandler(HttpContext context, RequestRecorder recorder, String protocol) {
		this.context = context;
		this.recorder = recorder;
		this.protocol = protocol;
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (msg instanceof HttpRequest request) {
			emit(false);
			this.pending = new Pending(this.context.nextRequestSeq(), request);
		}
		Pending current = this.pending;
		if (msg instanceof HttpContent content && current != null) {
			current.append(content.content());
			if (content instanceof LastHttpContent) {
				emit(true);
			}
		}
		ctx.fireChannelRead(msg);
	}

	@Override
	public void channelInactive(ChannelHandlerContext ctx) {
		emit(false);
		ctx.fireChannelInactive();
	}

	private void emit(boolean ended) {
		Pending current = this.pending;
		this.pending = null;
		if (current == null) {
			return;
		}
		try {
			this.recorder.record(current.toRecord(this.protocol, ended));
		}
		catch (RuntimeException ex) {
			// A recorder that fails must not fail the request.
		}
	}

	private static final class Pending {

		private final long seq;

		private final String method;

		private final String uri;

		private final Map<String, String> headers = new LinkedHashMap<>();

		private final ByteArrayOutputStream body = new ByteArrayOutputStream();

		private boolean truncated;

		Pending(long seq, HttpRequest request) {
			this.seq = seq;
			this.method = request.method().name();
			this.uri = request.uri();
			for (Map.Entry<String, String> header : request.headers()) {
				this.headers.merge(header.getKey().toLowerCase(Locale.ROOT), header.getValue(),
						(first, second) -> first + ", " + second);
			}
		}

		void append(ByteBuf content) {
			int readable = content.readableBytes();
			if (readable == 0 || this.truncated) {
				return;
			}
			if (this.body.size() + readable > RecordedRequest.MAX_BODY_BYTES) {
				this.truncated = true;
				return;
			}
			byte[] chunk = new byte[readable];
			content.getBytes(content.readerIndex(), chunk);
			this.body.write(chunk, 0, readable);
		}

		RecordedRequest toRecord(String protocol, boolean ended) {
			byte[] raw = this.body.toByteArray();
			byte[] decoded;
			try {
				decoded = BodyDecoding.decode(this.headers.get(HttpHeaderNames.CONTENT_ENCODING.toString()), raw,
						RecordedRequest.MAX_BODY_BYTES);
			}
			catch (ApiException ex) {
				decoded = raw;
			}
			return new RecordedRequest(this.seq, protocol, this.method, this.uri,
					Collections.unmodifiableMap(new LinkedHashMap<>(this.headers)), decoded, ended && !this.truncated);
		}

	}

}
