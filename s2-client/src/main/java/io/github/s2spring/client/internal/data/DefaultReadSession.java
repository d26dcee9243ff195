package io.github.s2spring.client.internal.data;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

import com.google.protobuf.InvalidProtocolBufferException;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;

import io.github.s2spring.client.config.RetryPolicy;
import io.github.s2spring.client.data.ReadBatch;
import io.github.s2spring.client.data.ReadOptions;
import io.github.s2spring.client.data.ReadSession;
import io.github.s2spring.client.data.ReadSessionOptions;
import io.github.s2spring.client.data.RecordReader;
import io.github.s2spring.client.data.S2Stream;
import io.github.s2spring.client.data.SequencedRecord;
import io.github.s2spring.client.data.SessionEvent;
import io.github.s2spring.client.data.SessionState;
import io.github.s2spring.client.error.S2Exception;
import io.github.s2spring.client.error.TransportException;
import io.github.s2spring.client.internal.transport.H2Stream;
import io.github.s2spring.protocol.StreamPosition;
import io.github.s2spring.protocol.s2s.S2sFrame;

/**
 * The {@link ReadSession} of a stream, run on the event loop of the basin's origin: it
 * reads frames only while its subscriber has demand, hands batches and events to its
 * serial delivery executor, and reconnects from the next sequence number whenever the
 * stream ends for any reason but its caller or its limits.
 */
final class DefaultReadSession implements ReadSession {

	private static final long WAIT_TOLERANCE_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

	private final DataPlane plane;

	private final AdvisedReconnects advice = new AdvisedReconnects();

	private final S2Stream stream;

	private final ReadOptions options;

	private final EventExecutor loop;

	private final Executor delivery;

	private final SessionMonitor monitor;

	private final OpenAttempts attempts = new OpenAttempts();

	private final long heartbeatMillis;

	private final ArrayDeque<Pending> buffered = new ArrayDeque<>();

	private final CompletableFuture<Void> closeFuture = new CompletableFuture<>();

	private Flow.@Nullable Subscriber<? super ReadBatch> subscriber;

	private long demand;

	private @Nullable Attempt attempt;

	private boolean backingOff;

	private boolean done;

	private boolean completed;

	private @Nullable S2Exception error;

	private int failures;

	private volatile long nextSeqNum = -1;

	private long receivedRecords;

	private long receivedBytes;

	private long lastRecordsNanos = System.nanoTime();

	private volatile boolean caughtUp;

	private volatile @Nullable StreamPosition lastTail;

	private volatile long recordsDelivered;

	private volatile long bytesDelivered;

	private @Nullable ScheduledFuture<?> watchdog;

	DefaultReadSession(DataPlane plane, S2Stream stream, ReadOptions options, ReadSessionOptions sessionOptions) {
		this.plane = plane;
		plane.sessionOpened();
		this.stream = stream;
		this.options = options;
		this.loop = plane.executor(stream.basin());
		this.delivery = plane.sessionDelivery(this.loop, sessionOptions.deliveryExecutor(),
				sessionOptions.deliverOnEventLoop());
		this.monitor = new SessionMonitor(this.delivery, sessionOptions.listener());
		Duration heartbeat = sessionOptions.heartbeatTimeout();
		this.heartbeatMillis = ((heartbeat != null) ? heartbeat : plane.config().heartbeatTimeout()).toMillis();
	}

	@Override
	public void subscribe(Flow.Subscriber<? super ReadBatch> subscriber) {
		DataPlane.execute(this.loop, () -> {
			if (this.subscriber != null) {
				this.delivery.execute(() -> {
					subscriber.onSubscribe(new NoSubscription());
					subscriber.onError(new IllegalStateException("A read session has only one subscriber"));
				});
				return;
			}
			this.subscriber = subscriber;
			this.delivery.execute(() -> subscriber.onSubscribe(new Subscription()));
			if (!this.done) {
				connect();
			}
			else {
				drain();
			}
		}, (closed) -> this.delivery.execute(() -> {
			subscriber.onSubscribe(new NoSubscription());
			subscriber.onError(closed);
		}));
	}

	@Override
	public Iterator<SequencedRecord> records() {
		BlockingReader reader = new BlockingReader();
		subscribe(reader);
		return reader.records();
	}

	@Override
	public RecordReader batches() {
		BlockingReader reader = new BlockingReader();
		subscribe(reader);
		return reader;
	}

	@Override
	public boolean isCaughtUp() {
		return this.caughtUp;
	}

	@Override
	public @Nullable StreamPosition lastObservedTail() {
		return this.lastTail;
	}

	@Override
	public long nextSeqNum() {
		return this.nextSeqNum;
	}

	@Override
	public SessionState state() {
		return new SessionState(this.monitor.phase(), this.monitor.attempt(), this.monitor.lastFailure(),
				this.monitor.reconnects(), 0, 0, 0, 0, this.nextSeqNum, this.recordsDelivered, this.bytesDelivered,
				this.caughtUp, this.lastTail);
	}

	@Override
	public CompletableFuture<Void> closeAsync() {
		DataPlane.execute(this.loop, () -> {
			this.buffered.clear();
			finish(null);
		}, (closed) -> this.closeFuture.complete(null));
		return this.closeFuture;
	}

	@Override
	public void close() {
		CompletableFuture<Void> done = closeAsync();
		if (!this.loop.inEventLoop()) {
			DataPlane.join(done);
		}
	}

	private void connect() {
		if (this.done || this.attempt != null || this.backingOff) {
			return;
		}
		if (limitsReached(true)) {
			finish(null);
			return;
		}
		ReadOptions resume = resumeOptions();
		this.attempt = new Attempt();
		this.monitor.connecting(this.failures + 1);
		this.attempt.open(resume);
	}

	private ReadOptions resumeOptions() {
		if (this.nextSeqNum < 0) {
			return this.options;
		}
		Long count = this.options.count();
		Long bytes = this.options.bytes();
		Integer wait = this.options.waitSeconds();
		if (wait != null) {
			long elapsed = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - this.lastRecordsNanos);
			wait = (int) Math.max(0, wait - elapsed);
		}
		return new ReadOptions(ReadOptions.Start.SEQ_NUM, this.nextSeqNum,
				(count != null) ? count - this.receivedRecords : null,
				(bytes != null) ? bytes - this.receivedBytes : null, this.options.until(), wait, this.options.clamp());
	}

	/**
	 * Whether the session's own limits explain the server's end of the stream.
	 * @param advised whether the server advised a reconnect on that stream
	 */
	private boolean limitsReached(boolean advised) {
		Long count = this.options.count();
		Long bytes = this.options.bytes();
		if ((count != null && this.receivedRecords >= count) || (bytes != null && this.receivedBytes >= bytes)) {
			return true;
		}
		if (advised) {
			return false;
		}
		if (this.options.until() != null) {
			return true;
		}
		Integer wait = this.options.waitSeconds();
		return wait != null
				&& System.nanoTime() - this.lastRecordsNanos >= TimeUnit.SECONDS.toNanos(wait) - WAIT_TOLERANCE_NANOS;
	}

	private void onFrame(Attempt current, S2sFrame.Regular frame) {
		if (current != this.attempt) {
			return;
		}
		s2.v1.ReadBatch proto;
		try {
			proto = frame.parse(s2.v1.ReadBatch.parser());
		}
		catch (InvalidProtocolBufferException ex) {
			attemptFailed(current, new TransportException(TransportException.PROTOCOL_ERROR,
					"Malformed read batch: " + ex.getMessage(), true, false, ex));
			return;
		}
		ReadBatch batch = ProtoRecords.readBatch(proto);
		StreamPosition tail = batch.tail();
		boolean reachesTail = false;
		if (tail != null) {
			this.lastTail = tail;
			reachesTail = batch.isEmpty() || batch.nextSeqNum() == tail.seqNum();
		}
		if (batch.isEmpty()) {
			if (tail != null && this.nextSeqNum < 0) {
				this.nextSeqNum = tail.seqNum();
			}
			if (reachesTail && this.buffered.isEmpty()) {
				this.delivery.execute(() -> caughtUp(tail));
			}
			else if (reachesTail) {
				Pending last = this.buffered.peekLast();
				last.reachesTail = true;
				last.tail = tail;
			}
		}
		else {
			this.nextSeqNum = batch.nextSeqNum();
			this.receivedRecords += batch.records().size();
			this.receivedBytes += batch.meteredBytes();
			this.lastRecordsNanos = System.nanoTime();
			this.failures = 0;
			this.buffered.add(new Pending(batch, reachesTail, tail));
			drain();
		}
		if (frame.reconnectAdvised()) {
			current.advised = true;
			H2Stream h2 = current.stream;
			if (h2 != null) {
				h2.connection().poison();
			}
			if (!this.advice.tryReconnect(System.nanoTime())) {
				return;
			}
			attemptFailed(current, new TransportException(TransportException.RECONNECT_ADVISED,
					"The server advised a reconnect", true, true, null));
		}
	}

	private void caughtUp(@Nullable StreamPosition tail) {
		if (!this.caughtUp && tail != null) {
			this.caughtUp = true;
			this.monitor.tellNow(new SessionEvent.CaughtUp(tail));
		}
	}

	private void drain() {
		Flow.Subscriber<? super ReadBatch> target = this.subscriber;
		while (target != null && this.demand > 0 && !this.buffered.isEmpty()) {
			Pending next = this.buffered.poll();
			this.demand--;
			this.delivery.execute(() -> deliver(target, next));
		}
		if (this.done && this.buffered.isEmpty() && target != null && !this.completed) {
			this.completed = true;
			S2Exception failure = this.error;
			this.delivery.execute(() -> {
				if (failure != null) {
					target.onError(failure);
				}
				else {
					target.onComplete();
				}
			});
		}
	}

	private void deliver(Flow.Subscriber<? super ReadBatch> target, Pending next) {
		if (!next.reachesTail) {
			this.caughtUp = false;
		}
		this.recordsDelivered += next.batch.records().size();
		this.bytesDelivered += next.batch.meteredBytes();
		target.onNext(next.batch);
		if (next.reachesTail) {
			caughtUp(next.tail);
		}
	}

	private void wantsMore(Attempt current) {
		if (current != this.attempt) {
			return;
		}
		cancelWatchdog();
		if (this.demand > 0 && this.buffered.isEmpty()) {
			current.read();
		}
	}

	private void armWatchdog(Attempt current) {
		cancelWatchdog();
		this.watchdog = this.loop.schedule(() -> {
			this.watchdog = null;
			if (current == this.attempt) {
				H2Stream h2 = current.stream;
				if (h2 != null) {
					h2.connection().poison();
				}
				attemptFailed(current, new TransportException(TransportException.HEARTBEAT_TIMEOUT,
						"Nothing received for " + this.heartbeatMillis + " ms", true, true, null));
			}
		}, this.heartbeatMillis, TimeUnit.MILLISECONDS);
	}

	private void cancelWatchdog() {
		if (this.watchdog != null) {
			this.watchdog.cancel(false);
			this.watchdog = null;
		}
	}

	private void onConnected(Attempt current) {
		if (current != this.attempt) {
			return;
		}
		this.failures = 0;
		this.monitor.connected();
	}

	private void onEnd(Attempt current) {
		if (current != this.attempt) {
			return;
		}
		if (limitsReached(current.advised)) {
			this.attempt = null;
			finish(null);
			return;
		}
		attemptFailed(current, TransportException.sessionEnded("read session"));
	}

	private void attemptFailed(Attempt current, S2Exception cause) {
		if (current != this.attempt) {
			return;
		}
		this.attempt = null;
		cancelWatchdog();
		current.cancel();
		RetryPolicy policy = this.plane.config().sessionRetryPolicy();
		boolean advised = cause.reconnectAdvised();
		if (!cause.retryable() || this.plane.transport().isClosed()
				|| (!advised && !policy.allowsAnotherAttempt(this.failures + 1))) {
			finish(cause);
			return;
		}
		long delay = 0;
		if (!advised) {
			delay = policy.backoff(this.failures).toMillis();
			this.failures++;
		}
		this.monitor.reconnecting(this.failures + 1, Duration.ofMillis(delay), cause);
		this.delivery.execute(() -> this.caughtUp = false);
		this.backingOff = true;
		this.loop.schedule(() -> {
			this.backingOff = false;
			connect();
		}, delay, TimeUnit.MILLISECONDS);
	}

	private void finish(@Nullable S2Exception cause) {
		if (this.done) {
			return;
		}
		this.done = true;
		this.plane.sessionEnded();
		this.error = cause;
		cancelWatchdog();
		Attempt current = this.attempt;
		this.attempt = null;
		if (current != null) {
			current.cancel();
		}
		if (cause != null) {
			this.monitor.failed(cause);
		}
		else {
			this.monitor.closed();
		}
		this.attempts.whenAllGone(() -> this.closeFuture.complete(null));
		drain();
	}

	private static final class Pending {

		final ReadBatch batch;

		boolean reachesTail;

		@Nullable StreamPosition tail;

		Pending(ReadBatch batch, boolean reachesTail, @Nullable StreamPosition tail) {
			this.batch = batch;
			this.reachesTail = reachesTail;
			this.tail = tail;
		}

	}

	private static final class NoSubscription implements Flow.Subscription {

		@Override
		public void request(long n) {
		}

		@Override
		public void cancel() {
		}

	}

	private final class Subscription implements Flow.Subscription {

		@Override
		public void request(long n) {
			DataPlane.execute(DefaultReadSession.this.loop, () -> {
				if (n <= 0) {
					finish(new TransportException(TransportException.PROTOCOL_ERROR,
							"Subscriber requested " + n + " batches: demand must be positive (rule 3.9)", false, true,
							null));
					return;
				}
				long before = DefaultReadSession.this.demand;
				DefaultReadSession.this.demand = (before + n < 0) ? Long.MAX_VALUE : before + n;
				drain();
				Attempt current = DefaultReadSession.this.attempt;
				if (before == 0 && current != null && DefaultReadSession.this.buffered.isEmpty()) {
					current.read();
				}
			}, (closed) -> {
			});
		}

		@Override
		public void cancel() {
			DataPlane.execute(DefaultReadSession.this.loop, () -> {
				DefaultReadSession.this.completed = true;
				DefaultReadSession.this.buffered.clear();
				finish(null);
			}, (closed) -> {
			});
		}

	}

	/**
	 * One HTTP/2 stream of the session.
	 */
	private final class Attempt extends SessionAttempt {

		boolean advised;

		void open(ReadOptions resume) {
			armWatchdog(this);
			DefaultReadSession.this.attempts.opened(this);
			DefaultReadSession.this.plane.openSession(DefaultReadSession.this.loop, DefaultReadSession.this.stream,
					"GET", resume.toQueryString(), true, this, "read session");
		}

		@Override
		boolean isLatest() {
			return this == DefaultReadSession.this.attempt;
		}

		void read() {
			if (this.stream != null && !this.cancelled) {
				armWatchdog(this);
				this.stream.read();
			}
		}

		@Override
		public void onConnected() {
			DefaultReadSession.this.onConnected(this);
		}

		@Override
		public void onFrame(S2sFrame.Regular frame) {
			DefaultReadSession.this.onFrame(this, frame);
		}

		@Override
		public void onError(S2Exception cause) {
			attemptFailed(this, cause);
		}

		@Override
		public void onEnd() {
			DefaultReadSession.this.onEnd(this);
		}

		@Override
		public void wantsMore() {
			DefaultReadSession.this.wantsMore(this);
		}

	}

}
