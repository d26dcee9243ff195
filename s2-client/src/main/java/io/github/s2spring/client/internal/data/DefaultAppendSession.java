package io.github.s2spring.client.internal.data;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.google.protobuf.InvalidProtocolBufferException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;

import io.github.s2spring.client.config.AppendRetryPolicy;
import io.github.s2spring.client.data.AppendAck;
import io.github.s2spring.client.data.AppendBatch;
import io.github.s2spring.client.data.AppendSession;
import io.github.s2spring.client.data.AppendSessionOptions;
import io.github.s2spring.client.data.AppendTicket;
import io.github.s2spring.client.data.S2Stream;
import io.github.s2spring.client.error.S2Exception;
import io.github.s2spring.client.error.TransportException;
import io.github.s2spring.client.internal.transport.H2Stream;
import io.github.s2spring.protocol.s2s.S2sFrame;
import io.github.s2spring.protocol.s2s.S2sFrameEncoder;

/**
 * The {@link AppendSession} of a stream, run on the event loop of the basin's origin:
 * batches are admitted within the inflight bounds, sent as soon as admitted, matched with
 * their acknowledgements in order and resent after a retryable failure.
 */
final class DefaultAppendSession implements AppendSession {

	private final DataPlane plane;

	private final S2Stream stream;

	private final AppendSessionOptions options;

	private final EventExecutor loop;

	private final S2sFrameEncoder encoder;

	private final long ackTimeoutMillis;

	private final ArrayDeque<Entry> waiting = new ArrayDeque<>();

	private final ArrayDeque<Entry> inflight = new ArrayDeque<>();

	private final CompletableFuture<Void> closed = new CompletableFuture<>();

	private long inflightBytes;

	private @Nullable Attempt attempt;

	private boolean backingOff;

	private int failures;

	private long lastEndSeqNum = -1;

	private @Nullable S2Exception failure;

	private boolean closing;

	private boolean ended;

	private @Nullable ScheduledFuture<?> ackTimer;

	private final AdvisedReconnects advice = new AdvisedReconnects();

	DefaultAppendSession(DataPlane plane, S2Stream stream, AppendSessionOptions options) {
		this.plane = plane;
		this.stream = stream;
		this.options = options;
		this.loop = plane.executor(stream.basin());
		plane.sessionOpened();
		this.encoder = new S2sFrameEncoder(plane.config().compression());
		this.ackTimeoutMillis = ((options.ackTimeout() != null) ? options.ackTimeout()
				: plane.config().requestTimeout())
			.toMillis();
	}

	@Override
	public CompletableFuture<AppendTicket> submit(AppendBatch batch) {
		Entry entry = new Entry(batch, this.encoder);
		DataPlane.execute(this.loop, () -> {
			if (this.failure != null) {
				entry.fail(this.failure);
			}
			else if (this.closing) {
				entry.fail(TransportException.closed("Append session"));
			}
			else {
				this.waiting.add(entry);
				pump();
			}
		}, entry::fail);
		return entry.admitted;
	}

	@Override
	public CompletableFuture<AppendAck> appendAsync(AppendBatch batch) {
		return submit(batch).thenCompose(AppendTicket::ack);
	}

	@Override
	public AppendAck append(AppendBatch batch) {
		return DataPlane.join(appendAsync(batch));
	}

	@Override
	public CompletableFuture<Void> closeAsync() {
		DataPlane.execute(this.loop, () -> {
			this.closing = true;
			pump();
		}, this.closed::completeExceptionally);
		return this.closed;
	}

	/**
	 * Closes the session, waiting for outstanding acknowledgements.
	 * @throws S2Exception if the session failed
	 */
	@Override
	public void close() {
		DataPlane.join(closeAsync());
	}

	@Override
	public @Nullable S2Exception failure() {
		return this.failure;
	}

	private void pump() {
		if (this.failure != null) {
			return;
		}
		while (!this.waiting.isEmpty() && fits(this.waiting.peek())) {
			Entry entry = this.waiting.poll();
			this.inflight.add(entry);
			this.inflightBytes += entry.batch.meteredBytes();
			entry.admitted.complete(new AppendTicket(entry.batch, entry.ack));
		}
		if (this.inflight.isEmpty() && this.waiting.isEmpty() && this.closing) {
			finishClose();
			return;
		}
		if (this.inflight.isEmpty() || this.backingOff) {
			return;
		}
		Attempt current = this.attempt;
		if (current == null) {
			this.attempt = new Attempt();
			this.attempt.open();
			return;
		}
		if (current.stream == null || current.draining) {
			return;
		}
		for (Entry entry : this.inflight) {
			if (entry.sentOn != current) {
				send(current, entry);
			}
		}
	}

	private boolean fits(Entry entry) {
		return this.inflight.isEmpty() || (this.inflight.size() < this.options.maxInflightBatches()
				&& this.inflightBytes + entry.batch.meteredBytes() <= this.options.maxInflightBytes());
	}

	private void send(Attempt current, Entry entry) {
		H2Stream h2 = current.stream;
		if (h2 == null) {
			return;
		}
		entry.sentOn = current;
		entry.sentAtNanos = System.nanoTime();
		current.sent++;
		current.unacked++;
		h2.writeData(entry.frame().retainedDuplicate(), false);
		armAckTimer();
	}

	private void armAckTimer() {
		Entry head = this.inflight.peek();
		if (this.ackTimer != null || head == null || head.sentOn == null) {
			return;
		}
		long remaining = this.ackTimeoutMillis - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - head.sentAtNanos);
		Attempt current = head.sentOn;
		this.ackTimer = this.loop.schedule(() -> {
			this.ackTimer = null;
			if (this.inflight.peek() == head && head.sentOn == current && current == this.attempt) {
				H2Stream h2 = current.stream;
				if (h2 != null) {
					h2.connection().poison();
				}
				attemptFailed(current, new TransportException(TransportException.REQUEST_TIMEOUT,
						"No acknowledgement within " + this.ackTimeoutMillis + " ms", true, false, null));
			}
		}, Math.max(0, remaining), TimeUnit.MILLISECONDS);
	}

	private void cancelAckTimer() {
		if (this.ackTimer != null) {
			this.ackTimer.cancel(false);
			this.ackTimer = null;
		}
	}

	private void onAck(Attempt current, S2sFrame.Regular frame) {
		if (current != this.attempt) {
			return;
		}
		Entry head = this.inflight.peek();
		s2.v1.AppendAck proto;
		try {
			proto = s2.v1.AppendAck.parseFrom(frame.payload());
		}
		catch (InvalidProtocolBufferException ex) {
			fail(new TransportException(TransportException.PROTOCOL_ERROR,
					"Malformed acknowledgement: " + ex.getMessage(), false, false, ex));
			return;
		}
		AppendAck ack = ProtoRecords.appendAck(proto);
		if (head == null || head.sentOn != current || ack.recordCount() != head.batch.size()
				|| ack.end().seqNum() <= this.lastEndSeqNum) {
			fail(new TransportException(TransportException.PROTOCOL_ERROR, "Acknowledgement " + ack
					+ " does not match the oldest unacknowledged batch " + ((head != null) ? head.batch : "(none)"),
					false, false, null));
			return;
		}
		this.inflight.poll();
		head.release();
		this.inflightBytes -= head.batch.meteredBytes();
		this.lastEndSeqNum = ack.end().seqNum();
		this.failures = 0;
		current.unacked--;
		cancelAckTimer();
		head.ack.complete(ack);
		if (frame.reconnectAdvised() && !current.draining) {
			if (current.stream != null) {
				current.stream.connection().poison();
			}
			current.draining = this.advice.tryReconnect(System.nanoTime());
		}
		if (current.draining && current.unacked == 0) {
			current.halfClose();
			this.attempt = null;
		}
		armAckTimer();
		pump();
	}

	private void onEnd(Attempt current) {
		if (current != this.attempt) {
			return;
		}
		if (current.unacked > 0) {
			attemptFailed(current, TransportException.connectionLost(
					"the append session (the server ended it with " + current.unacked + " batches unacknowledged)",
					null));
			return;
		}
		this.attempt = null;
		pump();
	}

	private void attemptFailed(Attempt current, S2Exception cause) {
		if (current != this.attempt) {
			return;
		}
		this.attempt = null;
		cancelAckTimer();
		current.cancel();
		boolean policyAllows = this.plane.config().appendRetryPolicy() == AppendRetryPolicy.ALL || cause.noSideEffects()
				|| current.sent == 0;
		boolean advised = cause.reconnectAdvised();
		int attemptsMade = this.failures + 1;
		if (!cause.retryable() || !policyAllows || this.plane.transport().isClosed()
				|| (!advised && !this.plane.config().retryPolicy().allowsAnotherAttempt(attemptsMade))) {
			fail(cause);
			return;
		}
		long delay = 0;
		if (!advised) {
			delay = this.plane.config().retryPolicy().backoff(this.failures).toMillis();
			this.failures++;
		}
		for (Entry entry : this.inflight) {
			entry.sentOn = null;
		}
		this.backingOff = true;
		this.loop.schedule(() -> {
			this.backingOff = false;
			pump();
		}, delay, TimeUnit.MILLISECONDS);
	}

	private void fail(S2Exception cause) {
		if (this.failure != null) {
			return;
		}
		this.failure = cause;
		ended();
		cancelAckTimer();
		Attempt current = this.attempt;
		this.attempt = null;
		if (current != null) {
			current.cancel();
		}
		for (Entry entry : this.inflight) {
			entry.fail(cause);
		}
		for (Entry entry : this.waiting) {
			entry.fail(cause);
		}
		this.inflight.clear();
		this.waiting.clear();
		this.inflightBytes = 0;
		this.closed.completeExceptionally(cause);
	}

	private void finishClose() {
		Attempt current = this.attempt;
		this.attempt = null;
		if (current != null) {
			current.halfClose();
		}
		ended();
		this.closed.complete(null);
	}

	private void ended() {
		if (!this.ended) {
			this.ended = true;
			this.plane.sessionEnded();
		}
	}

	/**
	 * A batch on its way, with its S2S frame encoded once, by the submitting thread, and
	 * reused for resends.
	 */
	private static final class Entry {

		final AppendBatch batch;

		private @Nullable ByteBuf frame;

		final CompletableFuture<AppendTicket> admitted = new CompletableFuture<>();

		final CompletableFuture<AppendAck> ack = new CompletableFuture<>();

		@Nullable Attempt sentOn;

		long sentAtNanos;

		Entry(AppendBatch batch, S2sFrameEncoder encoder) {
			this.batch = batch;
			this.frame = encoder.encode(batch.encoded(), false, ByteBufAllocator.DEFAULT);
		}

		ByteBuf frame() {
			ByteBuf current = this.frame;
			if (current == null) {
				throw new IllegalStateException("The batch was already released");
			}
			return current;
		}

		void release() {
			ByteBuf current = this.frame;
			this.frame = null;
			if (current != null) {
				current.release();
			}
		}

		void fail(S2Exception cause) {
			release();
			this.admitted.completeExceptionally(cause);
			this.ack.completeExceptionally(cause);
		}

	}

	/**
	 * One HTTP/2 stream of the session.
	 */
	private final class Attempt extends SessionAttempt {

		int sent;

		int unacked;

		boolean draining;

		void open() {
			DefaultAppendSession.this.plane.openSession(DefaultAppendSession.this.loop,
					DefaultAppendSession.this.stream, "POST", null, false, this, "append session");
		}

		@Override
		boolean isLatest() {
			return this == DefaultAppendSession.this.attempt;
		}

		@Override
		void started() {
			pump();
		}

		void halfClose() {
			if (this.stream != null && !this.cancelled) {
				this.stream.writeData(Unpooled.EMPTY_BUFFER, true);
			}
		}

		@Override
		public void onFrame(S2sFrame.Regular frame) {
			onAck(this, frame);
		}

		@Override
		public void onError(S2Exception cause) {
			attemptFailed(this, cause);
		}

		@Override
		public void onEnd() {
			DefaultAppendSession.this.onEnd(this);
		}

		@Override
		public void wantsMore() {
			if (this.stream != null && !this.cancelled) {
				this.stream.read();
			}
		}

	}

}
