package io.github.s2spring.listener;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledFuture;

import org.jspecify.annotations.Nullable;

import org.springframework.scheduling.TaskScheduler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

import io.github.s2spring.client.S2Client;
import io.github.s2spring.client.data.ReadBatch;
import io.github.s2spring.client.data.ReadOptions;
import io.github.s2spring.client.data.ReadSession;
import io.github.s2spring.client.data.ReadSessionOptions;
import io.github.s2spring.client.data.S2Stream;
import io.github.s2spring.client.data.SessionEvent;
import io.github.s2spring.client.error.NotFoundException;
import io.github.s2spring.client.error.S2Exception;
import io.github.s2spring.client.patterns.PatternException;
import io.github.s2spring.protocol.StreamPosition;
import io.github.s2spring.support.S2StartPosition;

/**
 * Reads one stream for a listener container: the one place that uses the SDK's read path.
 * It finds the stream's tail, opens a {@link ReadSession} from a position with the
 * stream's serial executor as its delivery executor, decodes its batches into messages
 * ({@link MessageDecoder}) and hands them to its {@link Handler} one chunk at a time,
 * requesting the next batch from the session only when the handler asks for it, so a slow
 * listener slows its own stream's flow control.
 * <p>
 * The session reconnects on its own (the client's session retry policy, the heartbeat
 * watchdog), from the seq num after the last record it received; its events become the
 * handler's reconnection and caught-up calls. What the session cannot fix is the
 * reader's: a stream that does not exist (yet, or any more) is checked for with the
 * back-off until it does, then read from where the reader stopped, keeping its decoder
 * (open frames and dedupe state); {@code tail} on a stream that did not exist means its
 * first record. A tail that cannot be found at opening (S2 unreachable) is tried again
 * with the back-off. Permanent failures (a missing permission, a frame over the size
 * limit, the retry policy giving up) end reading.
 * <p>
 * Every method and every {@link Handler} call runs on the stream's serial executor.
 */
final class StreamReader {

	private final S2Stream stream;

	private final Executor serial;

	private final TaskScheduler scheduler;

	private final BackOff backOff;

	private final Handler handler;

	private S2StartPosition start = S2StartPosition.beginning();

	private MessageDecoder decoder;

	private volatile long nextSeqNum = -1;

	private volatile long tail = -1;

	private boolean streamWasMissing;

	private volatile @Nullable ReadSession session;

	private @Nullable SessionSubscriber subscriber;

	private boolean demand;

	private @Nullable BackOffExecution retries;

	private int attempt;

	private @Nullable ScheduledFuture<?> timer;

	private int generation;

	private boolean closed;

	StreamReader(S2Client client, String basin, String stream, Executor serial, TaskScheduler scheduler,
			BackOff backOff, Handler handler) {
		this.stream = client.basin(basin).stream(stream);
		this.serial = serial;
		this.scheduler = scheduler;
		this.backOff = backOff;
		this.handler = handler;
		this.decoder = new MessageDecoder(basin, stream);
	}

	/**
	 * Starts reading.
	 * @param from where: beginning, tail, a seq num or a timestamp
	 */
	void start(S2StartPosition from) {
		this.start = from;
		open();
	}

	/**
	 * Asks for the next chunk; the handler calls it once it processed the previous one.
	 */
	void request() {
		this.demand = true;
		SessionSubscriber current = this.subscriber;
		if (current != null) {
			current.requestIfNeeded();
		}
	}

	/**
	 * Reads from another position: the current session and anything not yet handed over
	 * are dropped. The handler asks for the first chunk with {@link #request()}.
	 * @param from where: beginning, tail, a seq num or a timestamp
	 */
	void seek(S2StartPosition from) {
		closeSession();
		this.decoder = new MessageDecoder(this.decoder.basin(), this.decoder.stream());
		this.nextSeqNum = -1;
		this.demand = false;
		this.retries = null;
		this.attempt = 0;
		start(from);
	}

	/**
	 * Stops reading for good.
	 */
	void close() {
		this.closed = true;
		closeSession();
	}

	/**
	 * The seq num after the last record received, or -1 before it is known.
	 * @return the next seq num
	 */
	long nextSeqNum() {
		return this.nextSeqNum;
	}

	/**
	 * The latest tail seen (at opening, in batches or in heartbeats).
	 * @return the tail's seq num, or -1 before one was seen
	 */
	long tail() {
		ReadSession current = this.session;
		StreamPosition observed = (current != null) ? current.lastObservedTail() : null;
		return (observed != null) ? Math.max(this.tail, observed.seqNum()) : this.tail;
	}

	private void open() {
		this.generation++;
		this.timer = null;
		if (this.closed) {
			return;
		}
		int opening = this.generation;
		this.stream.checkTailAsync().whenComplete((position, failure) -> this.serial.execute(() -> {
			if (opening == this.generation && !this.closed) {
				opened(position, failure);
			}
		}));
	}

	private void opened(@Nullable StreamPosition position, @Nullable Throwable failure) {
		if (failure != null || position == null) {
			failed(unwrap(failure));
			return;
		}
		this.retries = null;
		this.attempt = 0;
		this.tail = Math.max(this.tail, position.seqNum());
		if (this.nextSeqNum < 0) {
			this.nextSeqNum = firstSeqNum(position.seqNum());
		}
		ReadOptions options = (this.nextSeqNum >= 0) ? ReadOptions.fromSeqNum(this.nextSeqNum).withClamp(true)
				: ReadOptions.fromTimestamp(((S2StartPosition.Timestamp) this.start).timestamp());
		SessionSubscriber subscribing = new SessionSubscriber();
		ReadSession opened = this.stream.readSession(options,
				ReadSessionOptions.defaults().withDeliveryExecutor(this.serial).withListener(subscribing::onEvent));
		this.session = opened;
		this.subscriber = subscribing;
		opened.subscribe(subscribing);
		this.handler.onOpened(this.nextSeqNum, this.tail);
	}

	private long firstSeqNum(long currentTail) {
		if (this.start instanceof S2StartPosition.SeqNum seqNum) {
			return seqNum.seqNum();
		}
		if (this.start instanceof S2StartPosition.Tail) {
			return this.streamWasMissing ? 0 : currentTail;
		}
		if (this.start instanceof S2StartPosition.Timestamp) {
			return -1;
		}
		return 0;
	}

	private void received(SessionSubscriber from, ReadBatch batch) {
		if (from != this.subscriber) {
			return;
		}
		from.requested = false;
		MessageDecoder.Decoded decoded;
		try {
			decoded = this.decoder.decode(batch);
		}
		catch (PatternException ex) {
			closeSession();
			this.handler.onFailed(ex);
			return;
		}
		this.nextSeqNum = batch.nextSeqNum();
		if (batch.tail() != null) {
			this.tail = Math.max(this.tail, batch.tail().seqNum());
		}
		this.demand = false;
		this.handler.onChunk(new Chunk(decoded, batch.records().size(), batch.meteredBytes(), this.nextSeqNum, tail()));
	}

	private void event(SessionSubscriber from, SessionEvent event) {
		if (from != this.subscriber) {
			return;
		}
		if (event instanceof SessionEvent.Connected) {
			this.handler.onConnected();
		}
		else if (event instanceof SessionEvent.Reconnecting reconnecting) {
			this.handler.onReconnecting(reconnecting.attempt(), reconnecting.delay(), reconnecting.cause());
		}
		else if (event instanceof SessionEvent.CaughtUp caughtUp) {
			this.tail = Math.max(this.tail, caughtUp.tail().seqNum());
			this.handler.onCaughtUp(caughtUp.tail().seqNum());
		}
	}

	/**
	 * The session ended: a failure the session's own retries cannot fix (or gave up on)
	 * ends reading, except a missing stream, which is waited for; an end without a
	 * failure (the session was not closed by the reader) opens a new one.
	 */
	private void ended(SessionSubscriber from, @Nullable Throwable failure) {
		if (from != this.subscriber) {
			return;
		}
		ReadSession ending = this.session;
		if (ending != null && this.nextSeqNum < 0) {
			this.nextSeqNum = ending.nextSeqNum();
		}
		this.session = null;
		this.subscriber = null;
		if (failure instanceof S2Exception given && !(failure instanceof NotFoundException)) {
			this.handler.onFailed(given);
			return;
		}
		failed((failure != null) ? failure : new IllegalStateException("The read session ended"));
	}

	private void failed(Throwable cause) {
		if (this.closed) {
			return;
		}
		if (cause instanceof NotFoundException) {
			if (this.nextSeqNum < 0) {
				this.streamWasMissing = true;
			}
			this.handler.onWaiting(cause);
			schedule(nextDelay(true));
			return;
		}
		if (cause instanceof S2Exception s2 && !s2.retryable()) {
			this.handler.onFailed(cause);
			return;
		}
		long delay = nextDelay(false);
		if (delay == BackOffExecution.STOP) {
			this.handler.onFailed(cause);
			return;
		}
		this.attempt++;
		this.handler.onReconnecting(this.attempt, Duration.ofMillis(delay), cause);
		schedule(delay);
	}

	private long nextDelay(boolean unlimited) {
		BackOffExecution execution = (this.retries != null) ? this.retries : this.backOff.start();
		long delay = execution.nextBackOff();
		if (delay == BackOffExecution.STOP && unlimited) {
			execution = this.backOff.start();
			delay = Math.max(0, execution.nextBackOff());
		}
		this.retries = execution;
		return delay;
	}

	private void schedule(long delayMillis) {
		int scheduling = this.generation;
		this.timer = this.scheduler.schedule(() -> this.serial.execute(() -> {
			if (scheduling == this.generation) {
				open();
			}
		}), Instant.now().plusMillis(delayMillis));
	}

	private void closeSession() {
		this.generation++;
		ScheduledFuture<?> pending = this.timer;
		if (pending != null) {
			pending.cancel(false);
			this.timer = null;
		}
		SessionSubscriber current = this.subscriber;
		this.subscriber = null;
		if (current != null) {
			current.cancel();
		}
		ReadSession open = this.session;
		this.session = null;
		if (open != null) {
			open.closeAsync();
		}
	}

	private static Throwable unwrap(@Nullable Throwable failure) {
		Throwable cause = failure;
		while (cause instanceof CompletionException && cause.getCause() != null) {
			cause = cause.getCause();
		}
		return (cause != null) ? cause : new IllegalStateException("No tail");
	}

	/**
	 * Receives what the reader reads and what happens to it; called on the stream's
	 * serial executor.
	 */
	interface Handler {

		/**
		 * A session was opened (at start, after a seek, after a wait for the stream).
		 * @param position the seq num it reads from, or -1 if it starts at a timestamp
		 * @param tail the tail found before opening
		 */
		void onOpened(long position, long tail);

		/**
		 * The server accepted the session (again).
		 */
		void onConnected();

		/**
		 * The messages of one read batch; call {@link StreamReader#request()} for the
		 * next.
		 * @param chunk the decoded batch
		 */
		void onChunk(Chunk chunk);

		/**
		 * The session delivered every record up to the tail it observed.
		 * @param tail the tail's seq num
		 */
		void onCaughtUp(long tail);

		/**
		 * The session failed and connects again after a delay.
		 * @param attempt the attempt about to be made, counted from the last successful
		 * connect
		 * @param delay the delay
		 * @param cause the failure
		 */
		void onReconnecting(int attempt, Duration delay, Throwable cause);

		/**
		 * The stream does not exist; its existence is checked again after a delay.
		 * @param cause the failure that says so
		 */
		void onWaiting(Throwable cause);

		/**
		 * Reading stopped for good.
		 * @param cause the permanent failure
		 */
		void onFailed(Throwable cause);

	}

	/**
	 * One read batch, decoded.
	 *
	 * @param decoded its messages, failures and commit positions
	 * @param records its records
	 * @param bytes its metered bytes
	 * @param nextSeqNum the seq num after its last record
	 * @param tail the latest tail seen, or -1
	 */
	record Chunk(MessageDecoder.Decoded decoded, int records, long bytes, long nextSeqNum, long tail) {

		/**
		 * Whether the chunk reaches the latest tail seen.
		 * @return whether caught up once it is processed
		 */
		boolean reachesTail() {
			return this.tail >= 0 && this.nextSeqNum >= this.tail;
		}

	}

	/**
	 * The subscriber and listener of one session; the session calls both on the stream's
	 * serial executor.
	 */
	private final class SessionSubscriber implements Flow.Subscriber<ReadBatch> {

		private Flow.@Nullable Subscription subscription;

		private boolean requested;

		private boolean cancelled;

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			this.subscription = subscription;
			if (this.cancelled) {
				subscription.cancel();
			}
			else {
				requestIfNeeded();
			}
		}

		@Override
		public void onNext(ReadBatch batch) {
			received(this, batch);
		}

		@Override
		public void onError(Throwable failure) {
			ended(this, failure);
		}

		@Override
		public void onComplete() {
			ended(this, null);
		}

		void onEvent(SessionEvent event) {
			event(this, event);
		}

		void requestIfNeeded() {
			Flow.Subscription current = this.subscription;
			if (StreamReader.this.demand && !this.requested && !this.cancelled && current != null) {
				this.requested = true;
				current.request(1);
			}
		}

		void cancel() {
			this.cancelled = true;
			Flow.Subscription current = this.subscription;
			if (current != null) {
				current.cancel();
			}
		}

	}

}
