package io.github.s2spring.client.patterns;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.client.data.AppendAck;
import io.github.s2spring.client.data.AppendSession;

/**
 * Appends typed messages to one stream, byte-compatible with the TypeScript
 * {@code SerializingAppendSession}: each message is serialized, chunked, framed and
 * stamped once ({@link MessageFramer}), packed into batches of at most 1000 records and 1
 * MiB metered, and handed in order to an {@link AppendSink}.
 * <p>
 * Batches keep their stamps for good. When the sink fails a batch and
 * {@link MessageWriterOptions#maxResends()} allows it, the writer waits until every batch
 * in flight has settled and then resends all unacknowledged batches, in their order and
 * with the same {@code _dedupe_seq}; new messages wait behind them. With dedupe on,
 * readers drop the copies that had been written. When resends are used up (or the failure
 * is not resendable) every unacknowledged message fails with a
 * {@link MessageAppendException} carrying its {@link PreparedMessage}, and the writer
 * refuses new messages: create a new writer, {@link #resend(PreparedMessage) resend} the
 * failed messages first, then go on.
 * <p>
 * Thread-safe; messages are written in the order {@code send} is called.
 *
 * @param <T> the type of the messages
 */
public final class SerializingAppendSession<T> {

	private final AppendSink sink;

	private final S2Serializer<T> serializer;

	private final MessageFramer framer;

	private final Object lock = new Object();

	private final ArrayDeque<Pending> unacked = new ArrayDeque<>();

	private int resendsUsed;

	private boolean recovering;

	private @Nullable Throwable failure;

	/**
	 * Creates a writer with the default options (dedupe on, random writer id).
	 * @param sink where batches go, usually {@code appendSession::submit}
	 * @param serializer turns messages into bytes
	 */
	public SerializingAppendSession(AppendSink sink, S2Serializer<T> serializer) {
		this(sink, serializer, MessageWriterOptions.defaults());
	}

	/**
	 * Creates a writer.
	 * @param sink where batches go, usually {@code appendSession::submit}
	 * @param serializer turns messages into bytes
	 * @param options chunking, limits, dedupe and resends
	 */
	public SerializingAppendSession(AppendSink sink, S2Serializer<T> serializer, MessageWriterOptions options) {
		this.sink = sink;
		this.serializer = serializer;
		this.framer = new MessageFramer(options);
	}

	/**
	 * Creates a writer on an append session, with the session doing the resends.
	 * @param <T> the type of the messages
	 * @param session the append session of the stream to write
	 * @param serializer turns messages into bytes
	 * @param options chunking, limits and dedupe
	 * @return the writer
	 */
	public static <T> SerializingAppendSession<T> of(AppendSession session, S2Serializer<T> serializer,
			MessageWriterOptions options) {
		return new SerializingAppendSession<>(AppendSink.of(session), serializer, options);
	}

	/**
	 * The writer id this writer stamps on its records.
	 * @return the writer id
	 */
	public WriterId writerId() {
		return this.framer.options().writerId();
	}

	/**
	 * The {@code _dedupe_seq} of the next record.
	 * @return the next dedupe sequence number
	 */
	public long nextDedupeSeq() {
		return this.framer.nextDedupeSeq();
	}

	/**
	 * Appends a message.
	 * @param message the message
	 * @return completes when every batch of the message is acknowledged; fails with
	 * {@link EmptyMessageException}, {@link FrameSizeException} or
	 * {@link SerializationException} (nothing written), or with
	 * {@link MessageAppendException} (outcome unknown)
	 */
	public CompletableFuture<MessageAck> send(T message) {
		byte[] payload;
		try {
			payload = this.serializer.serialize(message);
		}
		catch (PatternException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(new SerializationException(
					"Cannot serialize a message of type " + message.getClass().getName(), ex));
		}
		synchronized (this.lock) {
			if (this.failure != null) {
				return CompletableFuture.failedFuture(refusal(this.failure));
			}
			PreparedMessage prepared;
			try {
				prepared = this.framer.frame(payload);
			}
			catch (PatternException ex) {
				return CompletableFuture.failedFuture(ex);
			}
			return enqueue(prepared);
		}
	}

	/**
	 * Appends a message again exactly as it was sent before, with its dedupe stamps, for
	 * example from a {@link MessageAppendException}. It is written after the messages
	 * already queued.
	 * @param message the prepared message
	 * @return completes when every batch of the message is acknowledged
	 */
	public CompletableFuture<MessageAck> resend(PreparedMessage message) {
		synchronized (this.lock) {
			return enqueue(message);
		}
	}

	private CompletableFuture<MessageAck> enqueue(PreparedMessage message) {
		if (this.failure != null) {
			return CompletableFuture.failedFuture(refusal(this.failure));
		}
		Tracker tracker = new Tracker(message);
		List<Pending> added = new ArrayList<>(message.batches().size());
		for (int i = 0; i < message.batches().size(); i++) {
			Pending pending = new Pending(tracker, i);
			this.unacked.add(pending);
			added.add(pending);
		}
		for (Pending pending : added) {
			if (!this.recovering && this.failure == null && !pending.inflight && !pending.settled) {
				submit(pending);
			}
		}
		return tracker.result;
	}

	private void submit(Pending pending) {
		pending.inflight = true;
		CompletableFuture<AppendAck> ack;
		try {
			ack = this.sink.append(pending.tracker.message.batches().get(pending.index));
		}
		catch (RuntimeException ex) {
			ack = CompletableFuture.failedFuture(ex);
		}
		ack.whenComplete((result, ex) -> onResult(pending, result, ex));
	}

	private void onResult(Pending pending, @Nullable AppendAck ack, @Nullable Throwable ex) {
		List<Runnable> completions = new ArrayList<>();
		synchronized (this.lock) {
			pending.inflight = false;
			if (pending.settled) {
				return;
			}
			if (ex == null && ack != null) {
				acknowledged(pending, ack, completions);
			}
			else if (this.failure == null) {
				Throwable cause = unwrap(ex);
				if (this.resendsUsed < this.framer.options().maxResends()
						&& this.framer.options().resendable().test(cause)) {
					this.recovering = true;
				}
				else {
					failAll(cause, completions);
				}
			}
			if (this.recovering && this.unacked.stream().noneMatch((p) -> p.inflight)) {
				this.recovering = false;
				this.resendsUsed++;
				for (Pending next : List.copyOf(this.unacked)) {
					if (!next.inflight && !next.settled) {
						submit(next);
					}
				}
			}
		}
		completions.forEach(Runnable::run);
	}

	private void acknowledged(Pending pending, AppendAck ack, List<Runnable> completions) {
		pending.settled = true;
		this.unacked.remove(pending);
		if (!this.recovering) {
			this.resendsUsed = 0;
		}
		Tracker tracker = pending.tracker;
		tracker.acks[pending.index] = ack;
		if (--tracker.remaining == 0) {
			AppendAck first = tracker.acks[0];
			AppendAck last = tracker.acks[tracker.acks.length - 1];
			MessageAck result = new MessageAck(first.start(), last.end(), tracker.message.records());
			completions.add(() -> tracker.result.complete(result));
		}
	}

	private void failAll(Throwable cause, List<Runnable> completions) {
		this.failure = cause;
		for (Pending pending : this.unacked) {
			pending.settled = true;
			Tracker tracker = pending.tracker;
			if (!tracker.failed) {
				tracker.failed = true;
				MessageAppendException error = new MessageAppendException(tracker.message, cause);
				completions.add(() -> tracker.result.completeExceptionally(error));
			}
		}
		this.unacked.clear();
	}

	private static IllegalStateException refusal(Throwable failure) {
		return new IllegalStateException(
				"This writer failed and takes no more messages; create a new one and resend the failed messages first",
				failure);
	}

	private static Throwable unwrap(@Nullable Throwable ex) {
		Throwable cause = (ex != null) ? ex : new IllegalStateException("The sink completed without an ack");
		while (cause instanceof CompletionException && cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

	private static final class Tracker {

		final PreparedMessage message;

		final CompletableFuture<MessageAck> result = new CompletableFuture<>();

		final AppendAck[] acks;

		int remaining;

		boolean failed;

		Tracker(PreparedMessage message) {
			this.message = message;
			this.acks = new AppendAck[message.batches().size()];
			this.remaining = this.acks.length;
		}

	}

	private static final class Pending {

		final Tracker tracker;

		final int index;

		boolean inflight;

		boolean settled;

		Pending(Tracker tracker, int index) {
			this.tracker = tracker;
			this.index = index;
		}

	}

}
