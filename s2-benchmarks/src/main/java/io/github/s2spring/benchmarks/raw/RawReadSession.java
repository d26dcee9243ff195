package io.github.s2spring.benchmarks.raw;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import com.google.protobuf.InvalidProtocolBufferException;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http2.Http2StreamChannel;
import s2.v1.ReadBatch;

import io.github.s2spring.protocol.s2s.S2sFrame;
import io.github.s2spring.protocol.s2s.S2sFrameDecoder;

/**
 * A read session with no SDK logic: frames are decoded and each batch handed to the
 * caller.
 */
public final class RawReadSession implements AutoCloseable {

	private final Http2StreamChannel stream;

	private final S2sFrameDecoder decoder = new S2sFrameDecoder();

	private final Consumer<ReadBatch> batches;

	private final CompletableFuture<Void> ended = new CompletableFuture<>();

	/**
	 * Opens a read session.
	 * @param connection the connection
	 * @param stream the stream name, percent-encoded
	 * @param query the read query, for example {@code seq_num=0&count=1000}
	 * @param batches receives each batch, heartbeats included, on the connection's thread
	 * @throws InterruptedException if interrupted while opening
	 */
	public RawReadSession(RawConnection connection, String stream, String query, Consumer<ReadBatch> batches)
			throws InterruptedException {
		this.batches = batches;
		this.stream = connection.openSession("GET", stream, query, this::onData, (status) -> {
			if (status != 200) {
				this.ended.completeExceptionally(new IllegalStateException("read session got status " + status));
			}
		});
		this.stream.closeFuture().addListener((future) -> this.ended.complete(null));
	}

	/**
	 * Completes when the server ends the session.
	 * @return the future
	 */
	public CompletableFuture<Void> ended() {
		return this.ended;
	}

	private void onData(ByteBuf data) {
		this.decoder.decode(data, (frame) -> {
			if (frame instanceof S2sFrame.Regular regular) {
				try {
					this.batches.accept(ReadBatch.parseFrom(regular.payload()));
				}
				catch (InvalidProtocolBufferException ex) {
					this.ended.completeExceptionally(ex);
				}
			}
			else {
				this.ended.completeExceptionally(new IllegalStateException("read failed: " + frame));
			}
		});
	}

	/**
	 * Cancels the session.
	 */
	@Override
	public void close() {
		this.stream.close();
	}

}
