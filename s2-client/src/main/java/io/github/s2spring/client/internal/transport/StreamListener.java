package io.github.s2spring.client.internal.transport;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http2.Http2Headers;

/**
 * Receives the events of one HTTP/2 stream, on the stream's event loop.
 */
public interface StreamListener {

	/**
	 * The response headers arrived.
	 * @param headers the headers, including {@code :status}
	 * @param endStream whether the response ends here
	 */
	void onHeaders(Http2Headers headers, boolean endStream);

	/**
	 * Response body bytes arrived. The buffer is released after this call returns.
	 * @param data the bytes
	 * @param endStream whether the response ends here
	 */
	void onData(ByteBuf data, boolean endStream);

	/**
	 * The stream failed or closed before the response ended: reset by the peer, the
	 * connection broke, or the stream was closed locally.
	 * @param cause what happened
	 */
	void onFailure(Throwable cause);

}
