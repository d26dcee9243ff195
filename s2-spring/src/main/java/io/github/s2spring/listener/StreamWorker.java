package io.github.s2spring.listener;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ScheduledFuture;

import org.jspecify.annotations.Nullable;

import org.springframework.core.log.LogAccessor;
import org.springframework.util.backoff.BackOffExecution;

import io.github.s2spring.client.concurrent.SerialExecutor;
import io.github.s2spring.client.patterns.ReadOutcome;
import io.github.s2spring.core.S2ReceivedMessage;
import io.github.s2spring.listener.MessageDecoder.DecodedMessage;
import io.github.s2spring.listener.S2ErrorHandler.Decision;
import io.github.s2spring.listener.S2StreamState.Phase;
import io.github.s2spring.support.S2StartPosition;

/**
 * Delivers one stream of a container: finds its start position (the stored one, if
 * asked), takes the chunks its {@link StreamReader} decodes, invokes the listener for
 * each message (or batch) in order, lets the error handler decide about failures, commits
 * positions as the ack mode says, and asks for the next chunk only once the current one
 * is done. Keeps the stream's state and counters.
 * <p>
 * Everything runs on the stream's {@link SerialExecutor}; the counters and phase are read
 * from any thread.
 */
final class StreamWorker implements StreamReader.Handler {

	private static final LogAccessor logger = new LogAccessor(StreamWorker.class);

	private final S2ListenerContainer container;

	private final S2ContainerProperties properties;

	private final String basin;

	private final String stream;

	private final SerialExecutor serial;

	private final StreamReader reader;

	private final ListenerCounters totals;

	private @Nullable Pending pending;

	private @Nullable S2FailedDelivery failure;

	private @Nullable ScheduledFuture<?> retry;

	private @Nullable BackOffExecution startRetries;

	private boolean awaiting;

	private boolean caughtUpPublished;

	private volatile boolean paused;

	private volatile boolean stopping;

	private volatile Phase phase = Phase.STARTING;

	private volatile int attempt;

	private volatile @Nullable Throwable lastFailure;

	private volatile long processed = -1;

	private volatile long acknowledged = -1;

	private volatile long committed = -1;

	private volatile long messages;

	private volatile long records;

	private volatile long bytes;

	private volatile long reconnects;

	private volatile long errors;

	private volatile long recovered;

	StreamWorker(S2ListenerContainer container, String stream) {
		this.container = container;
		this.properties = container.getContainerProperties();
		this.basin = container.getBasin();
		this.stream = stream;
		this.totals = container.counters();
		this.serial = new SerialExecutor(container.taskExecutor());
		this.reader = new StreamReader(container.client(), this.basin, stream, this.serial, container.taskScheduler(),
				this.properties.getReconnectBackOff(), this);
	}

	String stream() {
		return this.stream;
	}

	void start() {
		this.serial.execute(this::begin);
	}

	private void begin() {
		if (this.stopping) {
			return;
		}
		S2StartPosition from = this.properties.getStartPosition();
		if (from instanceof S2StartPosition.Stored) {
			try {
				OptionalLong stored = this.properties.getPositionStore()
					.load(this.container.getListenerId(), this.basin, this.stream);
				from = stored.isPresent() ? S2StartPosition.seqNum(stored.getAsLong()) : S2StartPosition.beginning();
			}
			catch (RuntimeException ex) {
				retryStart(ex);
				return;
			}
		}
		this.reader.start(from);
		request();
	}

	private void retryStart(RuntimeException ex) {
		BackOffExecution execution = (this.startRetries != null) ? this.startRetries
				: this.properties.getReconnectBackOff().start();
		this.startRetries = execution;
		long delay = Math.max(0, execution.nextBackOff());
		this.attempt++;
		this.phase = Phase.RECONNECTING;
		this.lastFailure = ex;
		logger.warn(() -> describe() + ": cannot load the stored position; trying again in " + delay + " ms: " + ex);
		this.container.taskScheduler()
			.schedule(() -> this.serial.execute(this::begin), Instant.now().plusMillis(delay));
	}

	private void request() {
		if (!this.paused && !this.stopping && !this.awaiting && this.pending == null) {
			this.awaiting = true;
			this.reader.request();
		}
	}

	@Override
	public void onOpened(long position, long tail) {
		if (this.phase == Phase.WAITING || this.phase == Phase.RECONNECTING) {
			this.phase = Phase.STARTING;
		}
		if (this.processed < 0 && position >= 0) {
			this.processed = position;
		}
		if (position >= 0 && position >= tail) {
			caughtUp(tail);
		}
	}

	@Override
	public void onConnected() {
		this.phase = Phase.CONNECTED;
		this.attempt = 0;
	}

	@Override
	public void onCaughtUp(long tail) {
		if (this.pending == null) {
			caughtUp(tail);
		}
	}

	@Override
	public void onChunk(StreamReader.Chunk chunk) {
		this.awaiting = false;
		this.phase = Phase.CONNECTED;
		this.records += chunk.records();
		this.bytes += chunk.bytes();
		this.totals.records.add(chunk.records());
		this.totals.bytes.add(chunk.bytes());
		for (ReadOutcome.Failure<byte[]> dropped : chunk.decoded().failures()) {
			countError();
			logger.warn(() -> describe() + ": " + dropped.description());
		}
		this.pending = new Pending(chunk);
		process();
	}

	private void process() {
		Pending current = this.pending;
		if (current == null) {
			return;
		}
		List<DecodedMessage> decoded = current.chunk.decoded().messages();
		while (current.index < decoded.size()) {
			if (this.stopping || this.paused || this.retry != null) {
				return;
			}
			List<DecodedMessage> unit = this.properties.isBatch() ? decoded.subList(current.index, decoded.size())
					: decoded.subList(current.index, current.index + 1);
			Step outcome = deliver(unit);
			if (outcome == Step.WAIT) {
				return;
			}
			if (outcome == Step.STOP) {
				this.pending = null;
				return;
			}
			current.index += unit.size();
			this.processed = unit.get(unit.size() - 1).commitPosition();
			if (this.properties.getAckMode() == AckMode.RECORD) {
				commit(this.processed);
			}
		}
		this.processed = current.chunk.decoded().commitPosition();
		commit((this.properties.getAckMode() != AckMode.MANUAL) ? this.processed : this.acknowledged);
		this.pending = null;
		if (current.chunk.reachesTail()) {
			caughtUp(current.chunk.tail());
		}
		request();
	}

	private Step deliver(List<DecodedMessage> unit) {
		List<S2ReceivedMessage<byte[]>> delivered = new ArrayList<>(unit.size());
		for (DecodedMessage message : unit) {
			delivered.add(message.message());
		}
		long position = unit.get(unit.size() - 1).commitPosition();
		try {
			this.container.invoke(delivered, () -> this.acknowledged = position);
			this.messages += delivered.size();
			this.totals.messages.add(delivered.size());
			this.failure = null;
			return Step.NEXT;
		}
		catch (Exception | LinkageError | AssertionError ex) {
			return failed(delivered, ex);
		}
	}

	private Step failed(List<S2ReceivedMessage<byte[]>> delivered, Throwable ex) {
		countError();
		S2FailedDelivery current = this.failure;
		if (current == null) {
			current = new S2FailedDelivery(this.container.getListenerId(), delivered, ex);
			this.failure = current;
		}
		else {
			current.failedAgain(ex);
		}
		Decision decision;
		try {
			decision = this.container.errorHandler().handle(current);
		}
		catch (RuntimeException handlerFailure) {
			logger.error(handlerFailure, () -> describe() + ": the error handler failed; stopping the container");
			decision = Decision.stop();
		}
		switch (decision.action()) {
			case RETRY -> {
				this.retry = this.container.taskScheduler()
					.schedule(() -> this.serial.execute(this::retried), Instant.now().plus(decision.delay()));
				return Step.WAIT;
			}
			case RECOVERED -> {
				this.recovered += delivered.size();
				this.totals.recovered.add(delivered.size());
				this.failure = null;
				return Step.NEXT;
			}
			default -> {
				this.failure = null;
				this.container.stopAfterError(this.stream, ex);
				return Step.STOP;
			}
		}
	}

	private void retried() {
		this.retry = null;
		process();
	}

	private void commit(long position) {
		if (!this.properties.isCommitPositions() || position < 0 || position == this.committed) {
			return;
		}
		try {
			this.properties.getPositionStore().save(this.container.getListenerId(), this.basin, this.stream, position);
			this.committed = position;
		}
		catch (RuntimeException ex) {
			countError();
			logger.warn(() -> describe() + ": cannot commit position " + position + ": " + ex);
		}
	}

	private void caughtUp(long tail) {
		if (!this.caughtUpPublished) {
			this.caughtUpPublished = true;
			this.container.publish(new S2ListenerCaughtUpEvent(this.container, this.container.getListenerId(),
					this.basin, this.stream, tail));
		}
	}

	@Override
	public void onReconnecting(int attempt, Duration delay, Throwable cause) {
		this.phase = Phase.RECONNECTING;
		this.attempt = attempt;
		this.lastFailure = cause;
		this.reconnects++;
		this.totals.reconnects.increment();
		logger.warn(() -> describe() + ": the read session failed (" + cause + "); reopening from seq num "
				+ this.reader.nextSeqNum() + " in " + delay.toMillis() + " ms, attempt " + attempt);
		this.container.publish(new S2ListenerReconnectingEvent(this.container, this.container.getListenerId(),
				this.basin, this.stream, attempt, delay, cause));
	}

	@Override
	public void onWaiting(Throwable cause) {
		if (this.phase != Phase.WAITING) {
			logger.info(() -> describe() + ": the stream does not exist; waiting for it");
		}
		this.phase = Phase.WAITING;
		this.lastFailure = cause;
	}

	@Override
	public void onFailed(Throwable cause) {
		this.phase = Phase.FAILED;
		this.lastFailure = cause;
		countError();
		logger.error(cause, () -> describe() + ": reading failed for good");
		this.container.publish(new S2ListenerFailedEvent(this.container, this.container.getListenerId(), this.basin,
				this.stream, cause, false));
	}

	void pause() {
		this.paused = true;
	}

	void resume() {
		this.paused = false;
		this.serial.execute(() -> {
			if (this.pending != null) {
				process();
			}
			else {
				request();
			}
		});
	}

	void seek(S2StartPosition from) {
		this.serial.execute(() -> {
			if (this.stopping) {
				return;
			}
			cancelRetry();
			this.failure = null;
			this.pending = null;
			this.awaiting = false;
			this.caughtUpPublished = false;
			this.processed = -1;
			this.reader.seek(from);
			request();
		});
	}

	void stop(Runnable done) {
		this.stopping = true;
		this.serial.execute(() -> {
			try {
				cancelRetry();
				this.reader.close();
				commit((this.properties.getAckMode() != AckMode.MANUAL) ? this.processed : this.acknowledged);
				this.phase = Phase.STOPPED;
			}
			finally {
				done.run();
			}
		});
	}

	private void cancelRetry() {
		ScheduledFuture<?> scheduled = this.retry;
		this.retry = null;
		if (scheduled != null) {
			scheduled.cancel(false);
		}
	}

	private void countError() {
		this.errors++;
		this.totals.errors.increment();
	}

	S2StreamState state() {
		Phase current = this.phase;
		if (this.paused && current != Phase.FAILED && current != Phase.STOPPED) {
			current = Phase.PAUSED;
		}
		long position = position();
		long tail = this.reader.tail();
		long lag = lag(position, tail);
		return new S2StreamState(this.basin, this.stream, current, this.attempt, this.lastFailure, position, tail, lag,
				this.committed, this.messages, this.records, this.bytes, this.reconnects, this.errors, this.recovered);
	}

	/**
	 * The records between the position and the tail seen, without taking a snapshot.
	 */
	long lag() {
		return lag(position(), this.reader.tail());
	}

	private long position() {
		return (this.processed >= 0) ? this.processed : this.reader.nextSeqNum();
	}

	private static long lag(long position, long tail) {
		return (position >= 0 && tail >= 0) ? Math.max(0, tail - position) : 0;
	}

	private String describe() {
		return "Listener '" + this.container.getListenerId() + "' on " + this.basin + "/" + this.stream;
	}

	/**
	 * What follows a delivery.
	 */
	private enum Step {

		/** Go on with the next message. */
		NEXT,

		/** Wait for a scheduled retry. */
		WAIT,

		/** Stop: the container stops. */
		STOP

	}

	/**
	 * A chunk being processed and how far it got.
	 */
	private static final class Pending {

		final StreamReader.Chunk chunk;

		int index;

		Pending(StreamReader.Chunk chunk) {
			this.chunk = chunk;
		}

	}

}
