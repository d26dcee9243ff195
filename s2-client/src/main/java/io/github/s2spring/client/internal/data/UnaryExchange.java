package io.github.s2spring.client.internal.data;

import java.io.ByteArrayOutputStream;
import java.util.concurrent.CompletableFuture;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http2.Http2Headers;
import org.jspecify.annotations.Nullable;

import io.github.s2spring.client.error.TransportException;
import io.github.s2spring.client.internal.transport.H2Stream;
import io.github.s2spring.client.internal.transport.StreamListener;

/**
 * Collects one unary response, reading frame by frame; bodies above a bound fail the call
 * instead of growing without limit.
 */
final class UnaryExchange implements StreamListener {

	private static final int MAX_BODY_BYTES = 8 * 1024 * 1024;

	private final CompletableFuture<UnaryResponse> response = new CompletableFuture<>();

	private final ByteArrayOutputStream body = new ByteArrayOutputStream();

	private final String what;

	private int status = -1;

	private volatile @Nullable H2Stream stream;

	UnaryExchange(String what) {
		this.what = what;
	}

	CompletableFuture<UnaryResponse> response() {
		return this.response;
	}

	void started(H2Stream stream) {
		this.stream = stream;
		stream.read();
	}

	@Override
	public void onHeaders(Http2Headers headers, boolean endStream) {
		CharSequence value = headers.status();
		if (this.status < 0 && value != null) {
			this.status = Integer.parseInt(value.toString());
			if (this.status >= 100 && this.status < 200) {
				this.status = -1;
			}
		}
		next(endStream);
	}

	@Override
	public void onData(ByteBuf data, boolean endStream) {
		if (this.body.size() + data.readableBytes() > MAX_BODY_BYTES) {
			fail(new TransportException(TransportException.PROTOCOL_ERROR,
					"The response to " + this.what + " exceeds " + MAX_BODY_BYTES + " bytes", false, false, null));
			return;
		}
		byte[] bytes = new byte[data.readableBytes()];
		data.readBytes(bytes);
		this.body.writeBytes(bytes);
		next(endStream);
	}

	private void next(boolean endStream) {
		if (endStream) {
			if (this.status < 0) {
				fail(new TransportException(TransportException.PROTOCOL_ERROR,
						"The response to " + this.what + " had no status", false, false, null));
				return;
			}
			this.response.complete(new UnaryResponse(this.status, this.body.toByteArray()));
		}
		else if (this.stream != null) {
			this.stream.read();
		}
	}

	private void fail(Throwable cause) {
		if (this.response.completeExceptionally(cause) && this.stream != null) {
			this.stream.cancel();
		}
	}

	@Override
	public void onFailure(Throwable cause) {
		this.response.completeExceptionally(TransportException.connectionLost(this.what, cause));
	}

	void timeout(long millis) {
		fail(new TransportException(TransportException.REQUEST_TIMEOUT,
				"No response to " + this.what + " within " + millis + " ms", true, false, null));
	}

}
