package io.github.s2spring.client.patterns;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.client.data.AppendAck;
import io.github.s2spring.client.data.AppendBatch;
import io.github.s2spring.client.data.AppendRecord;
import io.github.s2spring.client.data.AppendSession;
import io.github.s2spring.client.data.AppendTicket;
import io.github.s2spring.client.data.Header;
import io.github.s2spring.client.error.OverloadedException;
import io.github.s2spring.client.error.S2Exception;
import io.github.s2spring.client.error.ValidationException;

/**
 * Appends typed messages to one stream through an {@link AppendSession}, byte-compatible
 * with the TypeScript {@code SerializingAppendSession}: each message is serialized,
 * chunked, framed and stamped once, and its records are packed with those of the messages
 * around it into batches of at most 1000 records and 1 MiB metered.
 * <p>
 * <b>Coalescing.</b> A batch is submitted when it is full, when nothing of this writer is
 * in flight (submitted and not yet acknowledged), or, with a positive
 * {@link MessageWriterOptions#linger() linger}, once the linger has passed since its
 * first record; until then later messages join it. So a lone message goes at once, and
 * messages sent while a batch is in flight share the next batch. A message larger than 1
 * MiB spans several batches. Batches are submitted one at a time, each once the previous
 * one is admitted by the session, so the session's waiting queue holds at most one batch
 * of this writer; a session that refuses one with an {@link OverloadedException} gets it
 * again a moment later.
 * <p>
 * <b>Bounded.</b> A message waits from {@link #send} until it is acknowledged or failed.
 * When {@link MessageWriterOptions#maxQueuedMessages()} messages wait, or the next one
 * would take their serialized bytes beyond {@link MessageWriterOptions#maxQueuedBytes()}
 * (unless none waits), {@code send} fails at once with an {@link OverloadedException} and
 * stamps nothing: the caller decides whether to wait, retry or drop.
 * <p>
 * <b>Failures.</b> Retryable failures are the session's business: it reconnects and
 * resends its unacknowledged batches byte for byte, and readers drop the copies by their
 * dedupe stamps. When the session fails for good (or the writer's {@code match_seq_num}
 * or fencing token is refused), every message waiting fails with a
 * {@link MessageAppendException} carrying its {@link PreparedMessage}, and the writer
 * refuses new messages with a {@link WriterClosedException}: create a new writer on a new
 * session and {@link #resend(PreparedMessage) resend} the failed messages first.
 * <p>
 * Thread-safe; messages are written in the order {@code send} is called. The serializer
 * runs on the calling thread; message futures complete in order, on the thread that
 * completes the session's acknowledgement, never under the writer's lock, so a callback
 * may send again (but must not block waiting for another acknowledgement).
 *
 * @param <T> the type of the messages
 */
public final class SerializingAppendSession<T> implements AutoCloseable {

	private static final long MAX_RESUBMIT_DELAY_MILLIS = 100;

	private final AppendSession session;

	private final S2Serializer<T> serializer;

	private final MessageWriterOptions options;

	private final Object lock = new Object();

	private final MessageFramer framer;

	private final BatchPacker packer;

	private final MessageQueue queue = new MessageQueue();

	/** Sealed batches not yet submitted, in order. */
	private final ArrayDeque<PackedBatch> sealed = new ArrayDeque<>();

	/** Submitted batches not yet acknowledged, in order. */
	private final ArrayDeque<PackedBatch> unacknowledged = new ArrayDeque<>();

	private final InOrder completions = new InOrder();

	private final AtomicInteger pumping = new AtomicInteger();

	private boolean submitting;

	private @Nullable Throwable failure;

	private @Nullable CompletableFuture<Void> closing;

	private SerializingAppendSession(AppendSession session, S2Serializer<T> serializer, MessageWriterOptions options) {
		this.session = session;
		this.serializer = serializer;
		this.options = options;
		this.framer = new MessageFramer(options);
		this.packer = new BatchPacker(options.matchSeqNum(), options.fencingToken());
	}

	/**
	 * Creates a writer with the default options.
	 * @param <T> the type of the messages
	 * @param session the append session of the stream to write; the writer closes it
	 * @param serializer turns messages into bytes
	 * @return the writer
	 */
	public static <T> SerializingAppendSession<T> of(AppendSession session, S2Serializer<T> serializer) {
		return of(session, serializer, MessageWriterOptions.defaults());
	}

	/**
	 * Creates a writer.
	 * @param <T> the type of the messages
	 * @param session the append session of the stream to write; the writer closes it
	 * @param serializer turns messages into bytes
	 * @param options chunking, dedupe, batching, bounds and conditions
	 * @return the writer
	 */
	public static <T> SerializingAppendSession<T> of(AppendSession session, S2Serializer<T> serializer,
			MessageWriterOptions options) {
		return new SerializingAppendSession<>(session, serializer, options);
	}

	/**
	 * The writer id this writer stamps on its records.
	 * @return the writer id
	 */
	public WriterId writerId() {
		return this.framer.writerId();
	}

	/**
	 * The {@code _dedupe_seq} of the next record this writer frames.
	 * @return the next dedupe sequence number
	 */
	public long nextDedupeSeq() {
		synchronized (this.lock) {
			return this.framer.nextDedupeSeq();
		}
	}

	/**
	 * The number of messages sent and not yet acknowledged or failed.
	 * @return the count
	 */
	public int queuedMessages() {
		synchronized (this.lock) {
			return this.queue.size();
		}
	}

	/**
	 * The serialized bytes of the messages sent and not yet acknowledged or failed.
	 * @return the bytes
	 */
	public long queuedBytes() {
		synchronized (this.lock) {
			return this.queue.bytes();
		}
	}

	/**
	 * Appends a message.
	 * @param message the message
	 * @return completes when every record of the message is acknowledged; see
	 * {@link #send(Object, List)} for the failures
	 */
	public CompletableFuture<MessageAck> send(T message) {
		return send(message, List.of());
	}

	/**
	 * Appends a message with headers of its own (a content type, trace context…) on its
	 * first record, after the patterns headers, followed by any the serializer adds.
	 * @param message the message
	 * @param headers the headers; none may be empty or named like a patterns header
	 * @return completes when every record of the message is acknowledged; fails with
	 * {@link OverloadedException}, {@link WriterClosedException},
	 * {@link EmptyMessageException}, {@link FrameSizeException},
	 * {@link SerializationException} or
	 * {@link io.github.s2spring.client.error.ValidationException} (nothing stamped,
	 * nothing written), or with {@link MessageAppendException} (outcome unknown)
	 */
	public CompletableFuture<MessageAck> send(T message, List<Header> headers) {
		return send(new OutgoingMessage<>(message, headers, null));
	}

	/**
	 * Appends a message with headers of its own on its first record and, if given, a
	 * timestamp on its records.
	 * @param message the message, its headers and timestamp
	 * @return completes when every record of the message is acknowledged; fails as
	 * {@link #send(Object, List)} does
	 */
	public CompletableFuture<MessageAck> send(OutgoingMessage<T> message) {
		Serialized serialized;
		try {
			serialized = serialize(message);
		}
		catch (S2Exception ex) {
			return CompletableFuture.failedFuture(ex);
		}
		PendingMessage pending;
		synchronized (this.lock) {
			S2Exception refusal = refusal(serialized.payload.length);
			if (refusal != null) {
				return CompletableFuture.failedFuture(refusal);
			}
			PreparedMessage prepared = this.framer.frame(serialized.payload, serialized.headers, message.timestamp());
			pending = accept(prepared.records(), prepared.bytes(), prepared.firstDedupeSeq());
		}
		pump();
		return pending.result;
	}

	/**
	 * Appends messages as one batch: all are appended, contiguous and in order, or none
	 * is. They are refused before anything is stamped or sent when their records do not
	 * fit in one S2 batch (1000 records, 1 MiB metered).
	 * @param messages the messages, at least one
	 * @return completes when the batch is acknowledged, with the positions of all the
	 * messages' records; fails as {@link #send(Object, List)} does, or with a
	 * {@link io.github.s2spring.client.error.ValidationException} naming the limit the
	 * batch would break
	 */
	public CompletableFuture<MessageAck> sendAtomically(List<OutgoingMessage<T>> messages) {
		if (messages.isEmpty()) {
			return CompletableFuture
				.failedFuture(new ValidationException("atomic batch", "0 messages", "must have at least one message"));
		}
		List<Serialized> serialized = new ArrayList<>(messages.size());
		long bytes = 0;
		try {
			for (OutgoingMessage<T> message : messages) {
				Serialized one = serialize(message);
				serialized.add(one);
				bytes += one.payload.length;
			}
		}
		catch (S2Exception ex) {
			return CompletableFuture.failedFuture(ex);
		}
		PendingMessage pending;
		synchronized (this.lock) {
			S2Exception refusal = refusal(bytes);
			if (refusal != null) {
				return CompletableFuture.failedFuture(refusal);
			}
			long rewindTo = this.framer.nextDedupeSeq();
			List<AppendRecord> records = new ArrayList<>();
			OptionalLong firstDedupeSeq = OptionalLong.empty();
			for (int i = 0; i < messages.size(); i++) {
				PreparedMessage prepared = this.framer.frame(serialized.get(i).payload, serialized.get(i).headers,
						messages.get(i).timestamp());
				records.addAll(prepared.records());
				if (i == 0) {
					firstDedupeSeq = prepared.firstDedupeSeq();
				}
			}
			try {
				AppendBatch.of(records);
			}
			catch (ValidationException ex) {
				this.framer.rewind(rewindTo);
				return CompletableFuture.failedFuture(new ValidationException("atomic batch",
						messages.size() + " messages in " + records.size() + " records",
						"must fit in one S2 batch (" + ex.reason() + ")"));
			}
			if (this.packer.open() != null) {
				this.sealed.add(this.packer.seal());
			}
			pending = accept(records, bytes, firstDedupeSeq);
			if (this.packer.open() != null) {
				this.sealed.add(this.packer.seal());
			}
		}
		pump();
		return pending.result;
	}

	private Serialized serialize(OutgoingMessage<T> message) {
		List<Header> all = new ArrayList<>(message.headers());
		byte[] payload;
		try {
			payload = this.serializer.serialize(message.message(), all);
		}
		catch (PatternException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new SerializationException(
					"Cannot serialize a message of type " + message.message().getClass().getName(), ex);
		}
		this.framer.check(payload.length, all);
		return new Serialized(payload, all);
	}

	/**
	 * Appends a message again exactly as it was sent before, with its stamps, for example
	 * from a {@link MessageAppendException} of a writer that failed. It is written after
	 * the messages already sent, and counts against the bounds like them.
	 * @param message the prepared message
	 * @return completes when every record of the message is acknowledged
	 */
	public CompletableFuture<MessageAck> resend(PreparedMessage message) {
		PendingMessage pending;
		synchronized (this.lock) {
			S2Exception refusal = refusal(message.bytes());
			if (refusal != null) {
				return CompletableFuture.failedFuture(refusal);
			}
			pending = accept(message.records(), message.bytes(), message.firstDedupeSeq());
		}
		pump();
		return pending.result;
	}

	/**
	 * Submits what waits in the open batch now, without waiting for the linger or for the
	 * batches in flight.
	 * @return completes once every message sent before is acknowledged or failed; never
	 * fails
	 */
	public CompletableFuture<Void> flush() {
		CompletableFuture<Void> flushed;
		synchronized (this.lock) {
			if (this.failure == null && this.packer.open() != null) {
				this.sealed.add(this.packer.seal());
			}
			flushed = this.queue.flush();
		}
		pump();
		return flushed;
	}

	/**
	 * Refuses new messages, flushes, then closes the session.
	 * @return completes when the session is closed; fails with the session's failure, if
	 * it failed
	 */
	public CompletableFuture<Void> closeAsync() {
		CompletableFuture<Void> closed;
		synchronized (this.lock) {
			if (this.closing != null) {
				return this.closing;
			}
			closed = new CompletableFuture<>();
			this.closing = closed;
		}
		flush().thenCompose((flushed) -> this.session.closeAsync()).whenComplete((done, ex) -> {
			if (ex != null) {
				closed.completeExceptionally(unwrap(ex));
			}
			else {
				closed.complete(null);
			}
		});
		return closed;
	}

	/**
	 * Closes the writer and its session, waiting for every message sent to be
	 * acknowledged or failed.
	 * @throws S2Exception if the session failed
	 */
	@Override
	public void close() {
		try {
			closeAsync().join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	private @Nullable S2Exception refusal(long bytes) {
		if (this.failure != null || this.closing != null) {
			return new WriterClosedException(this.failure);
		}
		int waiting = this.queue.size();
		if (waiting >= this.options.maxQueuedMessages()) {
			return new OverloadedException("The writer has " + waiting + " messages waiting for their acknowledgement"
					+ " (max queued messages " + this.options.maxQueuedMessages() + ")");
		}
		if (waiting > 0 && this.queue.bytes() + bytes > this.options.maxQueuedBytes()) {
			return new OverloadedException("The writer has " + this.queue.bytes() + " bytes waiting for their"
					+ " acknowledgement; a message of " + bytes + " more would exceed max queued bytes "
					+ this.options.maxQueuedBytes());
		}
		return null;
	}

	private PendingMessage accept(List<AppendRecord> records, long bytes, OptionalLong firstDedupeSeq) {
		PendingMessage pending = new PendingMessage(bytes, firstDedupeSeq);
		this.queue.add(pending);
		this.packer.add(pending, records, this.sealed::add);
		PackedBatch open = this.packer.open();
		if (open != null) {
			if (this.sealed.isEmpty() && this.unacknowledged.isEmpty()) {
				this.sealed.add(this.packer.seal());
			}
			else if (!open.lingerArmed && !this.options.linger().isZero()) {
				open.lingerArmed = true;
				CompletableFuture.delayedExecutor(this.options.linger().toNanos(), TimeUnit.NANOSECONDS)
					.execute(() -> lingered(open));
			}
		}
		return pending;
	}

	private void lingered(PackedBatch batch) {
		synchronized (this.lock) {
			if (this.failure != null || this.packer.open() != batch) {
				return;
			}
			this.sealed.add(this.packer.seal());
		}
		pump();
	}

	/**
	 * Submits the sealed batches, one at a time: the next once the session admitted the
	 * previous. Runs on one thread at a time; a call while another runs makes it loop.
	 */
	private void pump() {
		if (this.pumping.getAndIncrement() != 0) {
			return;
		}
		do {
			while (true) {
				PackedBatch next;
				synchronized (this.lock) {
					if (this.submitting || this.failure != null || this.sealed.isEmpty()) {
						break;
					}
					next = this.sealed.poll();
					this.unacknowledged.add(next);
					this.submitting = true;
				}
				submit(next, 0);
			}
		}
		while (this.pumping.decrementAndGet() != 0);
	}

	private void submit(PackedBatch batch, int refusals) {
		CompletableFuture<AppendTicket> admitted;
		try {
			admitted = this.session.submit(batch.sealed());
		}
		catch (RuntimeException ex) {
			admitted = CompletableFuture.failedFuture(ex);
		}
		admitted.whenComplete((ticket, ex) -> admitted(batch, refusals, ticket, ex));
	}

	private void admitted(PackedBatch batch, int refusals, @Nullable AppendTicket ticket, @Nullable Throwable ex) {
		if (ex != null || ticket == null) {
			Throwable cause = unwrap(ex);
			if (cause instanceof OverloadedException) {
				long delay = Math.min(MAX_RESUBMIT_DELAY_MILLIS, 1L << Math.min(refusals, 10));
				CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS).execute(() -> {
					synchronized (this.lock) {
						if (this.failure != null) {
							return;
						}
					}
					submit(batch, refusals + 1);
				});
			}
			else {
				fail(cause);
			}
			return;
		}
		synchronized (this.lock) {
			this.submitting = false;
		}
		ticket.ack().whenComplete((ack, failed) -> {
			if (failed != null || ack == null) {
				fail(unwrap(failed));
			}
			else {
				acknowledged(batch, ack);
			}
		});
		pump();
	}

	private void acknowledged(PackedBatch batch, AppendAck ack) {
		synchronized (this.lock) {
			if (this.failure != null) {
				return;
			}
			batch.acknowledged(ack);
			while (!this.unacknowledged.isEmpty() && this.unacknowledged.peek().ack() != null) {
				PackedBatch done = this.unacknowledged.poll();
				AppendAck doneAck = done.ack();
				for (PendingMessage.Part part : done.parts) {
					part.message.acknowledged(part, doneAck);
				}
			}
			this.queue.settleAcknowledged(this.completions::add);
			if (this.packer.open() != null && this.sealed.isEmpty() && this.unacknowledged.isEmpty()) {
				this.sealed.add(this.packer.seal());
			}
		}
		this.completions.run();
		pump();
	}

	private void fail(Throwable cause) {
		synchronized (this.lock) {
			if (this.failure != null) {
				return;
			}
			this.failure = cause;
			if (this.packer.open() != null) {
				this.packer.seal();
			}
			this.queue.failAll(cause, this.completions::add);
			this.sealed.clear();
			this.unacknowledged.clear();
		}
		this.completions.run();
	}

	private static Throwable unwrap(@Nullable Throwable ex) {
		Throwable cause = (ex != null) ? ex
				: new IllegalStateException("The append session completed without an acknowledgement");
		while (cause instanceof CompletionException && cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

	/**
	 * A message's bytes and every header of its first record.
	 */
	private record Serialized(byte[] payload, List<Header> headers) {

	}

}
