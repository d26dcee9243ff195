package io.github.s2spring.embedded.records;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

import com.google.protobuf.InvalidProtocolBufferException;
import io.netty.buffer.ByteBuf;
import s2.v1.AppendAck;
import s2.v1.AppendInput;

import io.github.s2spring.embedded.error.ApiException;
import io.github.s2spring.embedded.http.Call;
import io.github.s2spring.embedded.http.Drainable;
import io.github.s2spring.embedded.metrics.ServerMetrics;
import io.github.s2spring.embedded.store.Stream;
import io.github.s2spring.protocol.error.ErrorCode;
import io.github.s2spring.protocol.limits.AppendRules;
import io.github.s2spring.protocol.s2s.Compression;
import io.github.s2spring.protocol.s2s.S2sFrame;
import io.github.s2spring.protocol.s2s.S2sFrameDecoder;
import io.github.s2spring.protocol.s2s.S2sFrameEncoder;
import io.github.s2spring.protocol.s2s.S2sFrameException;

/**
 * An S2S append session, run on its channel's event loop. Each {@code AppendInput} frame
 * is validated and sequenced as it arrives (pipelined); acks go out in input order once
 * the records are durable. The first error (a bad frame, an invalid batch, a failed
 * precondition) is sent as a terminal frame after the acks of earlier inputs, and nothing
 * after it is appended. A clean end of the request body ends the response, without a
 * terminal frame, once every ack is out. Reading pauses while too many acks are pending
 * or the client does not read them.
 */
final class AppendSession implements Drainable {

	private static final int MAX_PENDING = 64;

	private final Call call;

	private final Stream stream;

	private final S2sFrameDecoder decoder = new S2sFrameDecoder();

	private final S2sFrameEncoder encoder;

	private final ArrayDeque<CompletableFuture<AppendAck>> pending = new ArrayDeque<>();

	private boolean failed;

	private boolean inputEnded;

	private boolean closed;

	private boolean paused;

	private volatile boolean draining;

	private final ServerMetrics metrics;

	AppendSession(Call call, Stream stream, ServerMetrics metrics) {
		this.call = call;
		this.metrics = metrics;
		this.stream = stream;
		this.encoder = new S2sFrameEncoder(Compression.negotiate(call.header("accept-encoding")));
	}

	void start() {
		this.call.context().register(this);
		this.call.onClose(() -> {
			this.closed = true;
			this.call.context().unregister(this);
		});
		this.call.onBody(this::chunk, this::inputEnd);
		this.call.startStream(S2sReadSink.CONTENT_TYPE);
	}

	private void chunk(ByteBuf bytes) {
		if (this.failed) {
			return;
		}
		try {
			this.decoder.decode(bytes, this::frame);
		}
		catch (S2sFrameException ex) {
			fail(ApiException.of(ErrorCode.BAD_FRAME, ex.getMessage()));
		}
		flowControl();
	}

	private void frame(S2sFrame frame) {
		if (this.failed) {
			return;
		}
		if (frame instanceof S2sFrame.Terminal) {
			fail(ApiException.of(ErrorCode.BAD_FRAME, "Unexpected terminal frame as input"));
			return;
		}
		AppendInput input;
		try {
			input = ((S2sFrame.Regular) frame).parse(AppendInput.parser());
		}
		catch (InvalidProtocolBufferException ex) {
			fail(ApiException.of(ErrorCode.BAD_FRAME, "Invalid AppendInput message: " + ex.getMessage()));
			return;
		}
		try {
			long meteredBytes = AppendRules.validate(input);
			RecordEndpoints.authorizeCommands(this.call, input);
			CompletableFuture<AppendAck> ack = this.stream.append(input);
			ack.thenRun(() -> this.metrics.appended(this.stream.basin(), meteredBytes));
			this.pending.add(ack);
			ack.whenComplete((result, error) -> this.call.eventLoop().execute(this::flush));
		}
		catch (RuntimeException ex) {
			fail(ApiException.from(ex));
		}
	}

	private void inputEnd() {
		if (this.failed) {
			return;
		}
		try {
			this.decoder.finish();
		}
		catch (S2sFrameException ex) {
			fail(ApiException.of(ErrorCode.BAD_FRAME, ex.getMessage()));
			return;
		}
		this.inputEnded = true;
		flush();
	}

	private void fail(ApiException error) {
		this.failed = true;
		this.pending.add(CompletableFuture.failedFuture(error));
		flush();
	}

	private void flush() {
		while (!this.closed && !this.pending.isEmpty() && this.pending.peek().isDone()) {
			CompletableFuture<AppendAck> head = this.pending.poll();
			AppendAck ack;
			try {
				ack = head.join();
			}
			catch (RuntimeException ex) {
				ApiException error = ApiException.from(ex);
				this.call
					.write(this.encoder.encode(new S2sFrame.Terminal(error.status(), error.json()), this.call.alloc()));
				this.pending.clear();
				this.call.end();
				return;
			}
			this.call
				.write(this.encoder.encode(new S2sFrame.Regular(ack.toByteArray(), this.draining), this.call.alloc()));
		}
		if (!this.closed && this.pending.isEmpty() && this.inputEnded) {
			this.call.end();
			return;
		}
		flowControl();
	}

	private void flowControl() {
		if (this.closed) {
			return;
		}
		boolean pause = this.pending.size() >= MAX_PENDING || !this.call.isWritable();
		if (pause && !this.paused) {
			this.paused = true;
			this.call.readBody(false);
			if (!this.call.isWritable()) {
				this.call.onWritable(this::flowControl);
			}
		}
		else if (!pause && this.paused) {
			this.paused = false;
			this.call.readBody(true);
		}
	}

	@Override
	public void drain() {
		this.draining = true;
	}

}
