package io.github.s2spring.client.internal.data;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

import com.google.protobuf.InvalidProtocolBufferException;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;

import io.github.s2spring.client.data.ReadBatch;
import io.github.s2spring.client.data.ReadOptions;
import io.github.s2spring.client.data.ReadSession;
import io.github.s2spring.client.data.RecordReader;
import io.github.s2spring.client.data.S2Stream;
import io.github.s2spring.client.data.SequencedRecord;
import io.github.s2spring.client.error.S2Exception;
import io.github.s2spring.client.error.TransportException;
import io.github.s2spring.client.internal.transport.H2Stream;
import io.github.s2spring.protocol.StreamPosition;
import io.github.s2spring.protocol.s2s.S2sFrame;

/**
 * The {@link ReadSession} of a stream, run on the event loop of the basin's origin: reads
 * its HTTP/2 stream only while there is demand, resumes after failures from the next
 * sequence number, and follows reconnect advice at most once a minute
 * ({@link AdvisedReconnects}).
 */
final class DefaultReadSession implements ReadSession {

	private final DataPlane plane;

	private final AdvisedReconnects advice = new AdvisedReconnects();

	private final S2Stream stream;

	private final ReadOptions options;

	private final EventExecutor loop;

	private final long heartbeatMillis;

	private final ArrayDeque<Pending> buffered = new ArrayDeque<>();

	private Flow.@Nullable Subscriber<? super ReadBatch> subscriber;

	private long demand;

	private @Nullable Attempt attempt;

	private boolean backingOff;

	private boolean done;

	private boolean completed;

	private @Nullable S2Exception error;

	private int failures;

	private long nextSeqNum = -1;

	private long receivedRecords;

	private long receivedBytes;

	private long lastFrameNanos = System.nanoTime();

	private volatile boolean caughtUp;

	private volatile @Nullable StreamPosition lastTail;

	private @Nullable ScheduledFuture<?> watchdog;

	DefaultReadSession(DataPlane plane, S2Stream stream, ReadOptions options) {
		this.plane = plane;
		this.stream = stream;
		this.options = options;
		this.loop = plane.executor(stream.basin());
		plane.sessionOpened();
		this.heartbeatMillis = plane.config().heartbeatTimeout().toMillis();
	}

	@Override
	public void subscribe(Flow.Subscriber<? super ReadBatch> subscriber) {
		DataPlane.execute(this.loop, () -> {
			if (this.subscriber != null) {
				subscriber.onSubscribe(new Flow.Subscription() {
					@Override
					public void request(long n) {
					}

					@Override
					public void cancel() {
					}
				});
				subscriber.onError(new IllegalStateException("A read session has only one subscriber"));
				return;
			}
			this.subscriber = subscriber;
			subscriber.onSubscribe(new Subscription());
			if (!this.done) {
				connect();
			}
		}, (closed) -> {
			subscriber.onSubscribe(new Subscription());
			subscriber.onError(closed);
		});
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
	public void close() {
		DataPlane.execute(this.loop, () -> finish(null), (closed) -> {
		});
	}

	private void connect() {
		if (this.done || this.attempt != null || this.backingOff) {
			return;
		}
		ReadOptions resume = resumeOptions();
		if (resume == null) {
			finish(null);
			return;
		}
		this.attempt = new Attempt();
		this.attempt.open(resume);
	}

	private @Nullable ReadOptions resumeOptions() {
		if (this.nextSeqNum < 0) {
			return this.options;
		}
		Long count = this.options.count();
		Long bytes = this.options.bytes();
		if ((count != null && count - this.receivedRecords <= 0)
				|| (bytes != null && bytes - this.receivedBytes <= 0)) {
			return null;
		}
		Integer wait = this.options.waitSeconds();
		if (wait != null && this.caughtUp) {
			long elapsed = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - this.lastFrameNanos);
			wait = (int) Math.max(0, wait - elapsed);
		}
		return new ReadOptions(ReadOptions.Start.SEQ_NUM, this.nextSeqNum,
				(count != null) ? count - this.receivedRecords : null,
				(bytes != null) ? bytes - this.receivedBytes : null, this.options.until(), wait, this.options.clamp());
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
		this.lastFrameNanos = System.nanoTime();
		boolean reachesTail = false;
		if (batch.tail() != null) {
			this.lastTail = batch.tail();
			reachesTail = batch.isEmpty() || batch.nextSeqNum() == batch.tail().seqNum();
		}
		if (batch.isEmpty()) {
			if (batch.tail() != null && this.nextSeqNum < 0) {
				this.nextSeqNum = batch.tail().seqNum();
			}
			if (reachesTail && this.buffered.isEmpty()) {
				this.caughtUp = true;
			}
			else if (reachesTail) {
				this.buffered.peekLast().reachesTail = true;
			}
		}
		else {
			this.nextSeqNum = batch.nextSeqNum();
			this.receivedRecords += batch.records().size();
			this.receivedBytes += batch.meteredBytes();
			this.failures = 0;
			this.caughtUp = false;
			this.buffered.add(new Pending(batch, reachesTail));
			drain();
		}
		if (frame.reconnectAdvised()) {
			H2Stream h2 = current.stream;
			if (h2 != null) {
				h2.connection().poison();
			}
			if (!this.advice.tryReconnect(System.nanoTime())) {
				return;
			}
			this.attempt = null;
			current.cancel();
			connect();
		}
	}

	private void drain() {
		Flow.Subscriber<? super ReadBatch> target = this.subscriber;
		while (target != null && this.demand > 0 && !this.buffered.isEmpty()) {
			Pending next = this.buffered.poll();
			this.demand--;
			if (next.reachesTail) {
				this.caughtUp = true;
			}
			target.onNext(next.batch);
		}
		if (this.done && this.buffered.isEmpty() && target != null && !this.completed) {
			this.completed = true;
			if (this.error != null) {
				target.onError(this.error);
			}
			else {
				target.onComplete();
			}
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

	private void onEnd(Attempt current) {
		if (current != this.attempt) {
			return;
		}
		this.attempt = null;
		finish(null);
	}

	private void attemptFailed(Attempt current, S2Exception cause) {
		if (current != this.attempt) {
			return;
		}
		this.attempt = null;
		cancelWatchdog();
		current.cancel();
		boolean advised = cause.reconnectAdvised();
		if (!cause.retryable() || this.plane.transport().isClosed()
				|| (!advised && !this.plane.config().retryPolicy().allowsAnotherAttempt(this.failures + 1))) {
			finish(cause);
			return;
		}
		long delay = 0;
		if (!advised) {
			delay = this.plane.config().retryPolicy().backoff(this.failures).toMillis();
			this.failures++;
		}
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
		drain();
	}

	private static final class Pending {

		final ReadBatch batch;

		boolean reachesTail;

		Pending(ReadBatch batch, boolean reachesTail) {
			this.batch = batch;
			this.reachesTail = reachesTail;
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
				finish(null);
			}, (closed) -> {
			});
		}

	}

	/**
	 * One HTTP/2 stream of the session.
	 */
	private final class Attempt extends SessionAttempt {

		boolean reading;

		void open(ReadOptions resume) {
			armWatchdog(this);
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
