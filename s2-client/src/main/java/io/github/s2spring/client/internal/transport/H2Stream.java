package io.github.s2spring.client.internal.transport;

import java.util.concurrent.CompletableFuture;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.DefaultHttp2ResetFrame;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2StreamChannel;

/**
 * One open HTTP/2 stream: write the request, ask for response frames as they are wanted,
 * and close or reset it. Reading is demand-driven: nothing is read (and no flow control
 * window is returned to the server) until {@link #read()} is called.
 */
public final class H2Stream {

	private final Http2StreamChannel channel;

	private final Http2Connection connection;

	H2Stream(Http2StreamChannel channel, Http2Connection connection) {
		this.channel = channel;
		this.connection = connection;
	}

	/**
	 * Writes the request headers.
	 * @param headers the headers
	 * @param endStream whether the request ends with them
	 * @return the write future
	 */
	public ChannelFuture writeHeaders(Http2Headers headers, boolean endStream) {
		return this.channel.writeAndFlush(new DefaultHttp2HeadersFrame(headers, endStream));
	}

	/**
	 * Writes request body bytes; the stream takes ownership of the buffer.
	 * @param data the bytes
	 * @param endStream whether the request ends with them
	 * @return the write future
	 */
	public ChannelFuture writeData(ByteBuf data, boolean endStream) {
		return this.channel.writeAndFlush(new DefaultHttp2DataFrame(data, endStream));
	}

	/**
	 * Requests the next response frame; it is delivered to the listener.
	 */
	public void read() {
		this.channel.read();
	}

	/**
	 * Resets the stream ({@code RST_STREAM CANCEL}) unless it already ended, and closes
	 * it.
	 */
	public void cancel() {
		if (this.channel.isActive()) {
			this.channel.writeAndFlush(new DefaultHttp2ResetFrame(Http2Error.CANCEL));
		}
		this.channel.close();
	}

	/**
	 * Whether the stream is still open.
	 * @return whether open
	 */
	public boolean isOpen() {
		return this.channel.isActive();
	}

	/**
	 * Completes, on the stream's event loop, once the stream is closed: ended both ways,
	 * reset, or lost with its connection.
	 * @return the future
	 */
	public CompletableFuture<Void> closeFuture() {
		CompletableFuture<Void> closed = new CompletableFuture<>();
		this.channel.closeFuture().addListener((future) -> closed.complete(null));
		return closed;
	}

	/**
	 * The event loop that runs this stream's events.
	 * @return the event loop
	 */
	public EventLoop eventLoop() {
		return this.channel.eventLoop();
	}

	/**
	 * The connection carrying this stream.
	 * @return the connection
	 */
	public Http2Connection connection() {
		return this.connection;
	}

}
