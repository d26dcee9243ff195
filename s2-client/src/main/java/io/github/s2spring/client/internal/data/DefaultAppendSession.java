package io.github.s2spring.client.internal.data;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.google.protobuf.InvalidProtocolBufferException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;

import io.github.s2spring.client.config.AppendRetryPolicy;
import io.github.s2spring.client.config.RetryPolicy;
import io.github.s2spring.client.data.AppendAck;
import io.github.s2spring.client.data.AppendBatch;
import io.github.s2spring.client.data.AppendSession;
import io.github.s2spring.client.data.AppendSessionOptions;
import io.github.s2spring.client.data.AppendTicket;
import io.github.s2spring.client.data.S2Stream;
import io.github.s2spring.client.data.SessionState;
import io.github.s2spring.client.error.OverloadedException;
import io.github.s2spring.client.error.S2Exception;
import io.github.s2spring.client.error.TransportException;
import io.github.s2spring.client.internal.transport.H2Stream;
import io.github.s2spring.protocol.s2s.S2sFrame;
import io.github.s2spring.protocol.s2s.S2sFrameEncoder;

/**
 * The {@link AppendSession} of a stream, run on the event loop of the basin's origin:
 * batches are admitted within the bounds ({@link AppendAdmission}) by the submitting
 * thread or, once acknowledgements make room, by the loop; sent as soon as admitted, in
 * the order of admission; matched with their acknowledgements in order; and resent after
 * a retryable failure. Acknowledgements and events go out on the session's serial
 * completion executor ({@link SessionMonitor}).
 */
final class DefaultAppendSession implements AppendSession {

	private final DataPlane plane;

	private final S2Stream stream;

	private final EventExecutor loop;

	private final S2sFrameEncoder encoder;

	private final long ackTimeoutMillis;

	private final Executor completions;

	private final SessionMonitor monitor;

	private final AppendAdmission<Entry> admission;

	private final ArrayDeque<Entry> inflight = new ArrayDeque<>();

	private final PriorityQueue<Entry> arriving = new PriorityQueue<>(Comparator.comparingLong((entry) -> entry.order));

	private long nextOrder;

	private final CompletableFuture<Void> closed = new CompletableFuture<>();

	private final OpenAttempts attempts;

	private @Nullable Attempt attempt;

	private boolean backingOff;

	private int failures;

	private long lastEndSeqNum = -1;

	private volatile @Nullable S2Exception failure;

	private volatile boolean closing;

	private final AtomicInteger encodedFrames = new AtomicInteger();

	private boolean closeStarted;

	private boolean ended;

	private @Nullable ScheduledFuture<?> ackTimer;

	private final AdvisedReconnects advice = new AdvisedReconnects();

	DefaultAppendSession(DataPlane plane, S2Stream stream, AppendSessionOptions options) {
		this.plane = plane;
		this.stream = stream;
		this.loop = plane.executor(stream.basin());
		plane.sessionOpened();
		this.encoder = new S2sFrameEncoder(plane.config().compression());
		this.ackTimeoutMillis = ((options.ackTimeout() != null) ? options.ackTimeout()
				: plane.config().requestTimeout())
			.toMillis();
		this.completions = plane.sessionDelivery(this.loop, options.completionExecutor(),
				options.completeOnEventLoop());
		this.monitor = new SessionMonitor(this.completions, options.listener());
		this.admission = new AppendAdmission<>(options.maxInflightBytes(), options.maxInflightBatches(),
				options.maxQueuedBatches(), (entry) -> entry.batch.meteredBytes(),
				(entry, order) -> entry.order = order);
		this.attempts = new OpenAttempts();
	}

	@Override
	public CompletableFuture<AppendTicket> submit(AppendBatch batch) {
		Entry entry = new Entry(batch);
		S2Exception refusal = refusal();
		if (refusal != null) {
			return CompletableFuture.failedFuture(refusal);
		}
		boolean admitted;
		try {
			admitted = this.admission.admitOrQueue(entry);
		}
		catch (OverloadedException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		if (admitted) {
			entry.admitted.complete(admit(entry));
		}
		return entry.admitted;
	}

	@Override
	public AppendTicket trySubmit(AppendBatch batch) {
		Entry entry = new Entry(batch);
		S2Exception refusal = refusal();
		if (refusal != null) {
			throw refusal;
		}
		if (!this.admission.tryAdmit(entry)) {
			throw new OverloadedException("The append session has no room for the batch now ("
					+ this.admission.inflightBatches() + " unacknowledged batches of " + this.admission.inflightBytes()
					+ " metered bytes, " + this.admission.queuedBatches() + " waiting)");
		}
		AppendTicket ticket = admit(entry);
		entry.admitted.complete(ticket);
		return ticket;
	}

	private @Nullable S2Exception refusal() {
		S2Exception failed = this.failure;
		if (failed != null) {
			return failed;
		}
		return this.closing ? TransportException.closed("Append session") : null;
	}

	/**
	 * Encodes an admitted entry and hands it to the event loop.
	 */
	private AppendTicket admit(Entry entry) {
		entry.encode(this.encoder);
		DataPlane.execute(this.loop, () -> accept(entry), (closedClient) -> {
			entry.release();
			entry.fail(closedClient);
			clientClosed(closedClient);
		});
		return entry.ticket();
	}

	/**
	 * Ends the session when its event loop is gone with its client.
	 */
	private void clientClosed(S2Exception closedClient) {
		this.failure = closedClient;
		ended();
		this.monitor.failed(closedClient);
		this.closed.completeExceptionally(closedClient);
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
		this.closing = true;
		DataPlane.execute(this.loop, this::pump, this::clientClosed);
		return this.closed;
	}

	@Override
	public void close() {
		CompletableFuture<Void> done = closeAsync();
		if (!this.loop.inEventLoop()) {
			DataPlane.join(done);
		}
	}

	@Override
	public @Nullable S2Exception failure() {
		return this.failure;
	}

	@Override
	public SessionState state() {
		return new SessionState(this.monitor.phase(), this.monitor.attempt(), this.monitor.lastFailure(),
				this.monitor.reconnects(), this.admission.inflightBatches(), this.admission.inflightBytes(),
				this.admission.queuedBatches(), this.admission.acknowledged(), -1, 0, 0, false, null);
	}

	/**
	 * How many frames are encoded and not yet released: batches admitted and not yet
	 * acknowledged or failed. For tests of the rule that nothing is encoded before it is
	 * admitted.
	 * @return the count, read on any thread (an estimate while the session works)
	 */
	int encodedFrames() {
		return this.encodedFrames.get();
	}

	private void accept(Entry entry) {
		enqueue(entry);
		pump();
	}

	/**
	 * Puts an admitted entry in line to be sent, in the order of admission: an entry
	 * admitted by a caller's thread may reach the event loop after one admitted later on
	 * the loop itself.
	 */
	private void enqueue(Entry entry) {
		S2Exception failed = this.failure;
		if (failed != null) {
			entry.release();
			this.completions.execute(() -> entry.fail(failed));
			return;
		}
		this.arriving.add(entry);
		while (!this.arriving.isEmpty() && this.arriving.peek().order == this.nextOrder) {
			this.inflight.add(this.arriving.poll());
			this.nextOrder++;
		}
	}

	private void pump() {
		if (this.failure != null) {
			return;
		}
		if (this.inflight.isEmpty() && this.closing && this.admission.isEmpty()) {
			finishClose();
			return;
		}
		if (this.inflight.isEmpty() || this.backingOff) {
			return;
		}
		Attempt current = this.attempt;
		if (current == null) {
			this.attempt = new Attempt();
			this.monitor.connecting(this.failures + 1);
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
		this.lastEndSeqNum = ack.end().seqNum();
		this.failures = 0;
		current.unacked--;
		cancelAckTimer();
		this.completions.execute(() -> head.ack.complete(ack));
		List<Entry> admitted = this.admission.release(head);
		for (Entry entry : admitted) {
			AppendTicket ticket = entry.encode(this.encoder);
			this.completions.execute(() -> entry.admitted.complete(ticket));
			enqueue(entry);
		}
		if (frame.reconnectAdvised() && !current.draining) {
			if (current.stream != null) {
				current.stream.connection().poison();
			}
			current.draining = this.advice.tryReconnect(System.nanoTime());
		}
		if (current.draining && current.unacked == 0) {
			this.attempt = null;
			retire(current);
		}
		armAckTimer();
		pump();
	}

	private void onEnd(Attempt current) {
		if (current != this.attempt) {
			return;
		}
		if (current.unacked > 0) {
			attemptFailed(current, TransportException.sessionEnded("append session"));
			return;
		}
		this.attempt = null;
		this.monitor.idle(TransportException.sessionEnded("append session"));
		pump();
	}

	private void attemptFailed(Attempt current, S2Exception cause) {
		if (current != this.attempt) {
			return;
		}
		this.attempt = null;
		cancelAckTimer();
		current.cancel();
		if (this.inflight.isEmpty() && cause.retryable()) {
			this.monitor.idle(cause);
			pump();
			return;
		}
		RetryPolicy policy = this.plane.config().sessionRetryPolicy();
		boolean policyAllows = this.plane.config().appendRetryPolicy() == AppendRetryPolicy.ALL || cause.noSideEffects()
				|| current.sent == 0;
		boolean advised = cause.reconnectAdvised();
		if (!cause.retryable() || !policyAllows || this.plane.transport().isClosed()
				|| (!advised && !policy.allowsAnotherAttempt(this.failures + 1))) {
			fail(cause);
			return;
		}
		long delay = 0;
		if (!advised) {
			delay = policy.backoff(this.failures).toMillis();
			this.failures++;
		}
		for (Entry entry : this.inflight) {
			entry.sentOn = null;
		}
		this.monitor.reconnecting(this.failures + 1, Duration.ofMillis(delay), cause);
		this.backingOff = true;
		this.loop.schedule(() -> {
			this.backingOff = false;
			pump();
		}, delay, TimeUnit.MILLISECONDS);
	}

	private void onConnected(Attempt current) {
		if (current != this.attempt) {
			return;
		}
		this.failures = 0;
		this.monitor.connected();
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
		List<Entry> failed = new ArrayList<>(this.inflight);
		failed.addAll(this.arriving);
		failed.addAll(this.admission.clear());
		this.inflight.clear();
		this.arriving.clear();
		for (Entry entry : failed) {
			entry.release();
		}
		this.completions.execute(() -> failed.forEach((entry) -> entry.fail(cause)));
		this.monitor.failed(cause);
		this.attempts.whenAllGone(() -> this.closed.completeExceptionally(cause));
	}

	private void finishClose() {
		if (this.closeStarted) {
			return;
		}
		this.closeStarted = true;
		Attempt current = this.attempt;
		this.attempt = null;
		if (current != null) {
			retire(current);
		}
		this.attempts.whenAllGone(() -> {
			ended();
			this.monitor.closed();
			this.closed.complete(null);
		});
	}

	private void ended() {
		if (!this.ended) {
			this.ended = true;
			this.plane.sessionEnded();
		}
	}

	/**
	 * Ends the request stream of an attempt with nothing left to acknowledge; the server
	 * then ends the response. A server that does not is reset after the acknowledgement
	 * timeout, so that the stream is gone for sure.
	 */
	private void retire(Attempt current) {
		current.halfClose();
		this.loop.schedule(current::cancel, this.ackTimeoutMillis, TimeUnit.MILLISECONDS);
	}

	/**
	 * A batch on its way. Its S2S frame is encoded once, when it is admitted, and reused
	 * for resends.
	 */
	private final class Entry {

		final AppendBatch batch;

		private @Nullable ByteBuf frame;

		final CompletableFuture<AppendTicket> admitted = new CompletableFuture<>();

		final CompletableFuture<AppendAck> ack = new CompletableFuture<>();

		@Nullable Attempt sentOn;

		long sentAtNanos;

		/** The order of admission, from 0. */
		long order;

		Entry(AppendBatch batch) {
			this.batch = batch;
		}

		AppendTicket encode(S2sFrameEncoder encoder) {
			this.frame = encoder.encode(this.batch.encoded(), false, ByteBufAllocator.DEFAULT);
			DefaultAppendSession.this.encodedFrames.incrementAndGet();
			return ticket();
		}

		AppendTicket ticket() {
			return new AppendTicket(this.batch, this.ack);
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
				DefaultAppendSession.this.encodedFrames.decrementAndGet();
				current.release();
			}
		}

		void fail(S2Exception cause) {
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
			DefaultAppendSession.this.attempts.opened(this);
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
		public void onConnected() {
			DefaultAppendSession.this.onConnected(this);
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
