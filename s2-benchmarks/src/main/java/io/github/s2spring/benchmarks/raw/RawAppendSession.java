package io.github.s2spring.benchmarks.raw;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http2.Http2StreamChannel;

import io.github.s2spring.protocol.s2s.S2sFrame;
import io.github.s2spring.protocol.s2s.S2sFrameDecoder;

/**
 * An append session with no SDK logic: pre-encoded frames go out as they are, acks are
 * counted in order, and in-flight bytes are bounded like the SDK's default so that the
 * comparison is fair.
 */
public final class RawAppendSession implements AutoCloseable {

	private final Http2StreamChannel stream;

	private final Semaphore inflight;

	private final Queue<Pending> pending = new ArrayDeque<>();

	private final S2sFrameDecoder decoder = new S2sFrameDecoder();

	private final CompletableFuture<Integer> status = new CompletableFuture<>();

	private record Pending(int permits, CompletableFuture<Long> ack) {
	}

	/**
	 * Opens an append session.
	 * @param connection the connection
	 * @param stream the stream name, percent-encoded
	 * @param maxInflightBytes the most frame bytes awaiting acknowledgement
	 * @throws InterruptedException if interrupted while opening
	 */
	public RawAppendSession(RawConnection connection, String stream, int maxInflightBytes) throws InterruptedException {
		this.inflight = new Semaphore(maxInflightBytes);
		this.stream = connection.openSession("POST", stream, "", this::onData, this.status::complete);
	}

	/**
	 * Sends one pre-encoded frame, waiting while too many bytes are in flight.
	 * @param frame the encoded frame; ownership passes to the session
	 * @return a future completed with {@link System#nanoTime()} at the ack
	 * @throws InterruptedException if interrupted while waiting for capacity
	 */
	public CompletableFuture<Long> submit(ByteBuf frame) throws InterruptedException {
		int permits = frame.readableBytes();
		this.inflight.acquire(permits);
		CompletableFuture<Long> ack = new CompletableFuture<>();
		synchronized (this.pending) {
			this.pending.add(new Pending(permits, ack));
		}
		RawConnection.write(this.stream, frame);
		return ack;
	}

	private void onData(ByteBuf data) {
		this.decoder.decode(data, (frame) -> {
			Pending head;
			synchronized (this.pending) {
				head = this.pending.poll();
			}
			if (head == null) {
				return;
			}
			this.inflight.release(head.permits());
			if (frame instanceof S2sFrame.Terminal terminal) {
				head.ack()
					.completeExceptionally(new IllegalStateException(
							"append failed with " + terminal.status() + " " + terminal.body()));
			}
			else {
				head.ack().complete(System.nanoTime());
			}
		});
	}

	/**
	 * Ends the session.
	 */
	@Override
	public void close() {
		RawConnection.end(this.stream);
		this.stream.close();
	}

}
