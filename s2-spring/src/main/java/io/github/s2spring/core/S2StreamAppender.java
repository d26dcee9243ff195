package io.github.s2spring.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.LongAdder;

import org.jspecify.annotations.Nullable;

import org.springframework.core.log.LogAccessor;

import io.github.s2spring.client.S2Client;
import io.github.s2spring.client.control.model.CreateStreamRequest;
import io.github.s2spring.client.data.AppendSession;
import io.github.s2spring.client.data.SessionState;
import io.github.s2spring.client.error.ConflictException;
import io.github.s2spring.client.error.OverloadedException;
import io.github.s2spring.client.error.TransportException;
import io.github.s2spring.client.patterns.MessageAck;
import io.github.s2spring.client.patterns.MessageAppendException;
import io.github.s2spring.client.patterns.MessageWriterOptions;
import io.github.s2spring.client.patterns.OutgoingMessage;
import io.github.s2spring.client.patterns.S2Serializer;
import io.github.s2spring.client.patterns.SerializingAppendSession;

/**
 * The appender of one stream (and one fencing token, if any): one append session and one
 * patterns writer, opened on the first send (after creating the stream when asked to),
 * shared by every send to the stream. Sends are bounded ({@link S2OverloadedException}
 * past the bound), handed to the writer in the order they were made (it batches them; the
 * session resends after retryable failures). A send with a {@code match_seq_num} is
 * appended on its own, in its place: the sends before it are flushed first, those after
 * it wait. A permanent failure fails the pending sends with its typed exception and drops
 * the session: the next send opens a new one.
 */
final class S2StreamAppender {

	private static final LogAccessor logger = new LogAccessor(S2StreamAppender.class);

	private final S2Client client;

	private final String basin;

	private final String stream;

	private final @Nullable String fencingToken;

	private final S2AppenderOptions options;

	private final Object lock = new Object();

	private final ArrayDeque<Send> waiting = new ArrayDeque<>();

	private final LongAdder sent = new LongAdder();

	private final LongAdder failed = new LongAdder();

	private State state = State.NEW;

	private @Nullable AppendSession session;

	private @Nullable SerializingAppendSession<byte[]> writer;

	private int pending;

	private boolean draining;

	private boolean conditionalInFlight;

	private long lastActivityNanos = System.nanoTime();

	private CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null);

	private @Nullable Throwable lastFailure;

	private long reconnectsOfClosedSessions;

	S2StreamAppender(S2Client client, String basin, String stream, @Nullable String fencingToken,
			S2AppenderOptions options) {
		this.client = client;
		this.basin = basin;
		this.stream = stream;
		this.fencingToken = fencingToken;
		this.options = options;
	}

	String basin() {
		return this.basin;
	}

	String stream() {
		return this.stream;
	}

	@Nullable String fencingToken() {
		return this.fencingToken;
	}

	/**
	 * Sends messages: one, or several atomically.
	 * @param messages the serialized messages with their headers and timestamps
	 * @param matchSeqNum the seq num the first record must get, if any
	 * @param atomic whether the messages go in one batch
	 * @return the result, or {@code null} if this appender is closed and the caller must
	 * take a new one
	 */
	@Nullable CompletableFuture<S2SendResult> send(List<OutgoingMessage<byte[]>> messages, @Nullable Long matchSeqNum,
			boolean atomic) {
		CompletableFuture<S2SendResult> result = new CompletableFuture<>();
		synchronized (this.lock) {
			if (this.state == State.CLOSED) {
				return null;
			}
			this.lastActivityNanos = System.nanoTime();
			if (this.pending >= this.options.maxQueueSize()) {
				this.failed.increment();
				return CompletableFuture
					.failedFuture(new S2OverloadedException(this.stream, this.options.maxQueueSize()));
			}
			this.pending++;
			this.lastSend = result;
			this.waiting.add(new Send(messages, matchSeqNum, atomic, result));
		}
		drain();
		return result;
	}

	/**
	 * Hands waiting sends to the writer in the order they were made, outside the lock,
	 * one thread at a time: a thread that finds another draining leaves its send to it. A
	 * conditional send stops the draining until it is settled.
	 */
	private void drain() {
		while (true) {
			Send next;
			SerializingAppendSession<byte[]> current;
			synchronized (this.lock) {
				if (this.state == State.NEW && !this.waiting.isEmpty()) {
					open();
				}
				if (this.draining || this.conditionalInFlight || this.state == State.ENSURING
						|| this.waiting.isEmpty()) {
					return;
				}
				this.draining = true;
				next = this.waiting.poll();
				current = this.writer;
				if (next.matchSeqNum != null) {
					this.conditionalInFlight = true;
				}
			}
			try {
				if (next.matchSeqNum != null) {
					appendConditionally(current, next);
				}
				else {
					dispatch(current, next);
				}
			}
			finally {
				synchronized (this.lock) {
					this.draining = false;
				}
			}
		}
	}

	private void open() {
		if (!this.options.createStreams()) {
			openWriter();
			return;
		}
		this.state = State.ENSURING;
		this.client.basin(this.basin)
			.streams()
			.createAsync(CreateStreamRequest.of(this.stream))
			.whenComplete((info, ex) -> ensured(ex));
	}

	private void ensured(@Nullable Throwable failure) {
		Throwable cause = unwrap(failure);
		boolean exists = cause == null || (cause instanceof ConflictException conflict && conflict.isAlreadyExists());
		List<Send> refused = new ArrayList<>();
		synchronized (this.lock) {
			if (this.state != State.ENSURING) {
				return;
			}
			if (exists) {
				openWriter();
			}
			else {
				this.state = State.NEW;
				this.lastFailure = cause;
				refused.addAll(this.waiting);
				this.waiting.clear();
			}
		}
		if (exists) {
			drain();
			return;
		}
		logger.warn(cause, () -> "Could not create S2 stream '" + this.stream + "' of basin '" + this.basin + "'");
		for (Send send : refused) {
			completed(null, send.result, null, cause);
		}
	}

	private void openWriter() {
		AppendSession appendSession = this.client.basin(this.basin).stream(this.stream).appendSession();
		this.session = appendSession;
		this.writer = SerializingAppendSession.of(appendSession, S2Serializer.bytes(), writerOptions(null));
		this.state = State.OPEN;
	}

	private MessageWriterOptions writerOptions(@Nullable Long matchSeqNum) {
		MessageWriterOptions.Builder builder = MessageWriterOptions.builder()
			.linger(this.options.linger())
			.maxQueuedMessages(this.options.maxQueueSize());
		if (this.fencingToken != null) {
			builder.fencingToken(this.fencingToken);
		}
		if (matchSeqNum != null) {
			builder.matchSeqNum(matchSeqNum);
		}
		return builder.build();
	}

	private void dispatch(@Nullable SerializingAppendSession<byte[]> current, Send send) {
		if (current == null) {
			completed(null, send.result, null,
					TransportException.closed("The appender of stream '" + this.stream + "'"));
			return;
		}
		CompletableFuture<MessageAck> ack;
		try {
			ack = send.atomic ? current.sendAtomically(send.messages) : current.send(send.messages.get(0));
		}
		catch (RuntimeException ex) {
			ack = CompletableFuture.failedFuture(ex);
		}
		ack.whenComplete((value, ex) -> completed(current, send.result, value, ex));
	}

	/**
	 * Appends a send with a {@code match_seq_num} on its own session, once everything
	 * sent before it is settled, so that its failure fails nothing else; then lets the
	 * sends after it go.
	 */
	private void appendConditionally(@Nullable SerializingAppendSession<byte[]> current, Send send) {
		CompletableFuture<Void> before = (current != null) ? current.flush() : CompletableFuture.completedFuture(null);
		before.thenCompose((flushed) -> {
			SerializingAppendSession<byte[]> once = SerializingAppendSession.of(
					this.client.basin(this.basin).stream(this.stream).appendSession(), S2Serializer.bytes(),
					writerOptions(send.matchSeqNum));
			CompletableFuture<MessageAck> ack = send.atomic ? once.sendAtomically(send.messages)
					: once.send(send.messages.get(0));
			return ack.whenComplete((value, ex) -> once.closeAsync().exceptionally((closeFailure) -> null));
		}).whenComplete((value, ex) -> {
			completed(null, send.result, value, ex);
			synchronized (this.lock) {
				this.conditionalInFlight = false;
			}
			drain();
		});
	}

	/**
	 * Settles one send: bookkeeping under the lock, the caller's future completed outside
	 * it (its dependent stages are the caller's code).
	 */
	private void completed(@Nullable SerializingAppendSession<byte[]> from, CompletableFuture<S2SendResult> result,
			@Nullable MessageAck ack, @Nullable Throwable failure) {
		Throwable cause = unwrap(failure);
		boolean sessionFailed = cause instanceof MessageAppendException;
		if (cause instanceof MessageAppendException appendFailure && appendFailure.getCause() != null) {
			cause = appendFailure.getCause();
		}
		else if (cause instanceof OverloadedException) {
			cause = new S2OverloadedException(this.stream, this.options.maxQueueSize());
		}
		synchronized (this.lock) {
			if (sessionFailed && from != null && this.writer == from) {
				discardWriter(cause);
			}
			this.lastActivityNanos = System.nanoTime();
			this.pending--;
			if (cause != null) {
				this.failed.increment();
			}
			else {
				this.sent.increment();
			}
		}
		if (cause != null) {
			result.completeExceptionally(cause);
		}
		else if (ack != null) {
			result.complete(new S2SendResult(this.basin, this.stream, ack.start().seqNum(), ack.end().seqNum() - 1,
					ack.start().timestamp(), ack.tail()));
		}
	}

	private void discardWriter(@Nullable Throwable cause) {
		this.lastFailure = cause;
		AppendSession current = this.session;
		if (current != null) {
			this.reconnectsOfClosedSessions += current.state().reconnects();
		}
		SerializingAppendSession<byte[]> failedWriter = this.writer;
		if (failedWriter != null) {
			failedWriter.closeAsync().exceptionally((ex) -> null);
		}
		this.session = null;
		this.writer = null;
		this.state = State.NEW;
		logger.warn(cause,
				() -> "The append session of S2 stream '" + this.stream + "' failed; the next send opens a new one");
	}

	/**
	 * Completes when every send made before it has been acknowledged or has failed.
	 * @return the future
	 */
	CompletableFuture<Void> flush() {
		synchronized (this.lock) {
			return this.lastSend.handle((value, ex) -> null);
		}
	}

	/**
	 * Closes the appender if nothing is pending and it was idle long enough.
	 * @param nowNanos the current {@link System#nanoTime()}
	 * @return whether it closed
	 */
	boolean closeIfIdle(long nowNanos) {
		synchronized (this.lock) {
			if (this.pending > 0 || this.state == State.ENSURING
					|| nowNanos - this.lastActivityNanos < this.options.idleTimeout().toNanos()) {
				return false;
			}
			closeLocked();
			return true;
		}
	}

	/**
	 * Closes the appender: no more sends; pending ones are still acknowledged.
	 * @return completes when the session is closed
	 */
	CompletableFuture<Void> close() {
		synchronized (this.lock) {
			return closeLocked();
		}
	}

	private CompletableFuture<Void> closeLocked() {
		this.state = State.CLOSED;
		AppendSession open = this.session;
		if (open != null) {
			this.reconnectsOfClosedSessions += open.state().reconnects();
		}
		SerializingAppendSession<byte[]> current = this.writer;
		this.writer = null;
		this.session = null;
		return (current != null) ? current.closeAsync().exceptionally((ex) -> null)
				: CompletableFuture.completedFuture(null);
	}

	S2AppenderState snapshot() {
		synchronized (this.lock) {
			AppendSession current = this.session;
			SessionState session = (current != null) ? current.state() : null;
			S2AppenderState.Phase phase = switch (this.state) {
				case NEW ->
					(this.lastFailure != null) ? S2AppenderState.Phase.FAILED : S2AppenderState.Phase.CONNECTING;
				case ENSURING -> S2AppenderState.Phase.CONNECTING;
				case CLOSED -> S2AppenderState.Phase.CLOSED;
				case OPEN -> phase(session);
			};
			Throwable failure = (session != null && session.lastFailure() != null) ? session.lastFailure()
					: this.lastFailure;
			return new S2AppenderState(this.basin, this.stream, phase, (session != null) ? session.attempt() : 0,
					failure, this.pending, (session != null) ? session.inflightBytes() : 0,
					this.reconnectsOfClosedSessions + ((session != null) ? session.reconnects() : 0), this.sent.sum(),
					this.failed.sum());
		}
	}

	private static S2AppenderState.Phase phase(@Nullable SessionState session) {
		if (session == null) {
			return S2AppenderState.Phase.CONNECTING;
		}
		return switch (session.phase()) {
			case CONNECTED -> S2AppenderState.Phase.CONNECTED;
			case RECONNECTING -> S2AppenderState.Phase.RECONNECTING;
			case FAILED -> S2AppenderState.Phase.FAILED;
			case CLOSED -> S2AppenderState.Phase.CLOSED;
			case IDLE -> S2AppenderState.Phase.CONNECTED;
			case CONNECTING -> S2AppenderState.Phase.CONNECTING;
		};
	}

	private static @Nullable Throwable unwrap(@Nullable Throwable failure) {
		Throwable cause = failure;
		while (cause instanceof CompletionException && cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

	private enum State {

		NEW, ENSURING, OPEN, CLOSED

	}

	private record Send(List<OutgoingMessage<byte[]>> messages, @Nullable Long matchSeqNum, boolean atomic,
			CompletableFuture<S2SendResult> result) {

	}

}
