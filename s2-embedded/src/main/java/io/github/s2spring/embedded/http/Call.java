package io.github.s2spring.embedded.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import org.jspecify.annotations.Nullable;

import io.github.s2spring.embedded.config.Json;
import io.github.s2spring.embedded.error.ApiException;
import io.github.s2spring.protocol.error.ErrorCode;

/**
 * One HTTP exchange, the same for HTTP/1.1 and HTTP/2: the request's method, path
 * parameters, query, headers and body, and the ways to answer it (a whole response, or a
 * streamed one that respects the channel's writability). Answer methods may be called
 * from any thread; the work happens on the channel's event loop. Only the first answer
 * counts.
 */
public final class Call {

	private final Channel channel;

	private final HttpContext context;

	private final HttpMethod method;

	private final String path;

	private final HttpHeaders headers;

	private final QueryParams query;

	private final boolean http2;

	private final boolean keepAlive;

	private Map<String, String> params = Map.of();

	private byte[] body = new byte[0];

	private boolean responded;

	private boolean streaming;

	private boolean closed;

	private @Nullable Consumer<ByteBuf> bodyChunks;

	private @Nullable Runnable bodyEnd;

	private final List<Runnable> writableCallbacks = new ArrayList<>();

	private final List<Runnable> closeCallbacks = new ArrayList<>();

	Call(Channel channel, HttpContext context, HttpMethod method, String path, HttpHeaders headers, QueryParams query,
			boolean http2, boolean keepAlive) {
		this.channel = channel;
		this.context = context;
		this.method = method;
		this.path = path;
		this.headers = headers;
		this.query = query;
		this.http2 = http2;
		this.keepAlive = keepAlive;
	}

	/**
	 * The request method.
	 * @return the method
	 */
	public HttpMethod method() {
		return this.method;
	}

	/**
	 * The request path, still percent-encoded.
	 * @return the path
	 */
	public String path() {
		return this.path;
	}

	/**
	 * A path parameter.
	 * @param name the name in the route pattern
	 * @return the decoded value
	 */
	public String param(String name) {
		String value = this.params.get(name);
		if (value == null) {
			throw ApiException.of(ErrorCode.BAD_PATH, "Missing path parameter " + name);
		}
		return value;
	}

	void params(Map<String, String> params) {
		this.params = params;
	}

	/**
	 * The request headers.
	 * @return the headers
	 */
	public HttpHeaders headers() {
		return this.headers;
	}

	/**
	 * A request header.
	 * @param name the name (case-insensitive)
	 * @return the first value, or {@code null}
	 */
	public @Nullable String header(CharSequence name) {
		return this.headers.get(name);
	}

	/**
	 * The query parameters.
	 * @return the parameters
	 */
	public QueryParams query() {
		return this.query;
	}

	/**
	 * The bearer token of the {@code Authorization} header.
	 * @return the token, or {@code null} if none was sent
	 */
	public @Nullable String bearerToken() {
		String value = header(HttpHeaderNames.AUTHORIZATION);
		if (value == null || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return null;
		}
		return value.substring(7).trim();
	}

	/**
	 * The basin of a basin-scoped request: the {@code s2-basin} header, or else the first
	 * label of a {@code {basin}.host} name.
	 * @return the basin name
	 * @throws ApiException {@code bad_header} if neither names one
	 */
	public String basin() {
		String header = header("s2-basin");
		if (header != null) {
			return header.trim();
		}
		String host = header(HttpHeaderNames.HOST);
		if (host != null) {
			String name = host.startsWith("[") ? "" : host.split(":", 2)[0];
			int dot = name.indexOf('.');
			if (dot > 0 && !Character.isDigit(name.charAt(name.length() - 1))) {
				return name.substring(0, dot);
			}
		}
		throw ApiException.of(ErrorCode.BAD_HEADER, "Missing header `s2-basin`");
	}

	/**
	 * The request body, decompressed; empty for bodies that are streamed.
	 * @return the bytes
	 */
	public byte[] body() {
		return this.body;
	}

	void body(byte[] body) {
		this.body = body;
	}

	/**
	 * Whether the exchange runs over HTTP/2.
	 * @return {@code true} for HTTP/2
	 */
	public boolean isHttp2() {
		return this.http2;
	}

	/**
	 * The event loop of the channel; streaming handlers run their state there.
	 * @return the event loop
	 */
	public EventLoop eventLoop() {
		return this.channel.eventLoop();
	}

	/**
	 * The allocator for response buffers.
	 * @return the allocator
	 */
	public ByteBufAllocator alloc() {
		return this.channel.alloc();
	}

	/**
	 * The server-wide context (sessions to drain).
	 * @return the context
	 */
	public HttpContext context() {
		return this.context;
	}

	/**
	 * Runs work that may block off the event loop; a failure answers the call.
	 * @param task the work
	 */
	public void blocking(Runnable task) {
		this.context.blockingExecutor().execute(() -> {
			try {
				task.run();
			}
			catch (Throwable ex) {
				fail(ex);
			}
		});
	}

	/**
	 * Answers with a JSON body.
	 * @param status the status
	 * @param json the value to serialize
	 * @param extraHeaders name/value pairs to add
	 */
	public void respondJson(int status, Object json, String... extraHeaders) {
		respond(status, HttpHeaderValues.APPLICATION_JSON.toString(), Json.write(json), extraHeaders);
	}

	/**
	 * Answers with a body.
	 * @param status the status
	 * @param contentType the content type, or {@code null} for no body
	 * @param content the body
	 * @param extraHeaders name/value pairs to add
	 */
	public void respond(int status, @Nullable String contentType, byte[] content, String... extraHeaders) {
		onLoop(() -> {
			if (this.responded || this.closed) {
				return;
			}
			this.responded = true;
			FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
					HttpResponseStatus.valueOf(status), Unpooled.wrappedBuffer(content));
			if (contentType != null) {
				response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
			}
			for (int i = 0; i + 1 < extraHeaders.length; i += 2) {
				response.headers().add(extraHeaders[i], extraHeaders[i + 1]);
			}
			HttpUtil.setContentLength(response, content.length);
			decorate(response);
			this.channel.writeAndFlush(response).addListener(ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE);
		});
	}

	/**
	 * Answers with an error: an {@link ApiException} as its status and body, anything
	 * else as {@code 500 other} without internals.
	 * @param error the error
	 */
	public void fail(Throwable error) {
		ApiException api = ApiException.from(error);
		onLoop(() -> {
			if (this.streaming) {
				return;
			}
			respond(api.status(), HttpHeaderValues.APPLICATION_JSON.toString(),
					api.json().getBytes(StandardCharsets.UTF_8));
		});
	}

	/**
	 * Starts a streamed {@code 200} response; follow with {@link #write} and
	 * {@link #end}. Must be called on the event loop.
	 * @param contentType the content type
	 */
	public void startStream(String contentType) {
		if (this.responded || this.closed) {
			return;
		}
		this.responded = true;
		this.streaming = true;
		HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
		response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
		response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-cache, no-transform");
		response.headers().set("x-accel-buffering", "no");
		if (!this.http2) {
			HttpUtil.setTransferEncodingChunked(response, true);
		}
		decorate(response);
		this.channel.writeAndFlush(response);
	}

	/**
	 * Writes part of a streamed response and flushes it. Must be called on the event
	 * loop.
	 * @param content the bytes; ownership passes to the channel
	 */
	public void write(ByteBuf content) {
		if (this.closed) {
			content.release();
			return;
		}
		this.channel.writeAndFlush(new DefaultHttpContent(content));
	}

	/**
	 * Ends a streamed response. Must be called on the event loop.
	 */
	public void end() {
		if (this.closed) {
			return;
		}
		this.channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
		this.closed = true;
		runClose();
	}

	/**
	 * Whether the channel accepts more writes without buffering beyond its high water
	 * mark (for HTTP/2, within the stream's flow-control window).
	 * @return whether to write
	 */
	public boolean isWritable() {
		return this.channel.isWritable();
	}

	/**
	 * Runs a callback once when the channel becomes writable again.
	 * @param callback the callback, run on the event loop
	 */
	public void onWritable(Runnable callback) {
		this.writableCallbacks.add(callback);
	}

	/**
	 * Runs a callback once when the exchange ends: the response ended or the peer went
	 * away.
	 * @param callback the callback, run on the event loop
	 */
	public void onClose(Runnable callback) {
		if (this.closed) {
			callback.run();
			return;
		}
		this.closeCallbacks.add(callback);
	}

	/**
	 * Whether the exchange is still open.
	 * @return {@code false} once ended or disconnected
	 */
	public boolean isOpen() {
		return !this.closed && this.channel.isActive();
	}

	/**
	 * Receives the request body as it arrives (for endpoints that stream it).
	 * @param chunks receives each chunk; the buffer is released after the call returns
	 * @param end runs when the body is complete
	 */
	public void onBody(Consumer<ByteBuf> chunks, Runnable end) {
		this.bodyChunks = chunks;
		this.bodyEnd = end;
	}

	/**
	 * Pauses or resumes reading the request body (HTTP/2 flow control then holds the
	 * client back).
	 * @param read whether to read
	 */
	public void readBody(boolean read) {
		this.channel.config().setAutoRead(read);
		if (read) {
			this.channel.read();
		}
	}

	boolean streamsBody() {
		return this.bodyChunks != null;
	}

	void bodyChunk(ByteBuf chunk) {
		if (this.bodyChunks != null && !this.closed) {
			this.bodyChunks.accept(chunk);
		}
	}

	void bodyEnd() {
		if (this.bodyEnd != null && !this.closed) {
			this.bodyEnd.run();
		}
	}

	boolean responded() {
		return this.responded;
	}

	void writable() {
		if (this.writableCallbacks.isEmpty()) {
			return;
		}
		List<Runnable> callbacks = new ArrayList<>(this.writableCallbacks);
		this.writableCallbacks.clear();
		callbacks.forEach(Runnable::run);
	}

	void disconnected() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		runClose();
	}

	private void runClose() {
		this.writableCallbacks.clear();
		List<Runnable> callbacks = new ArrayList<>(this.closeCallbacks);
		this.closeCallbacks.clear();
		callbacks.forEach(Runnable::run);
	}

	private void decorate(HttpResponse response) {
		String origin = header(HttpHeaderNames.ORIGIN);
		if (this.context.cors() && origin != null) {
			Cors.decorate(response.headers());
		}
		if (!this.http2 && !this.keepAlive) {
			response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
		}
	}

	private void onLoop(Runnable task) {
		if (this.channel.eventLoop().inEventLoop()) {
			task.run();
		}
		else {
			this.channel.eventLoop().execute(task);
		}
	}

}
