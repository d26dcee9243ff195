package io.github.s2spring.client.patterns;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The messages a writer accepted and has not settled yet, in the order they were sent:
 * their number and bytes (what the writer's bounds count), their settlement (messages
 * settle in order, since acknowledgements come in order and a failure fails them all),
 * and the flushes waiting for them. Completions are handed out as tasks, for the writer
 * to run outside its lock. Not thread-safe: guarded by the writer's lock.
 */
final class MessageQueue {

	private final ArrayDeque<PendingMessage> messages = new ArrayDeque<>();

	private final ArrayDeque<Flush> flushes = new ArrayDeque<>();

	private long bytes;

	private long accepted;

	private long settled;

	/**
	 * The number of messages waiting.
	 * @return the count
	 */
	int size() {
		return this.messages.size();
	}

	/**
	 * The serialized bytes of the messages waiting.
	 * @return the bytes
	 */
	long bytes() {
		return this.bytes;
	}

	/**
	 * Adds a message after the others.
	 * @param message the message
	 */
	void add(PendingMessage message) {
		this.messages.add(message);
		this.bytes += message.bytes;
		this.accepted++;
	}

	/**
	 * Settles the acknowledged messages at the head, in order, and the flushes that were
	 * waiting only for them.
	 * @param completions takes the completions to run, in order
	 */
	void settleAcknowledged(Consumer<Runnable> completions) {
		while (!this.messages.isEmpty() && this.messages.peek().isAcknowledged()) {
			PendingMessage message = this.messages.poll();
			MessageAck ack = message.ack();
			settled(message);
			completions.accept(() -> message.result.complete(ack));
		}
		settleFlushes(completions);
	}

	/**
	 * Fails every message waiting, each with a {@link MessageAppendException} carrying it
	 * as it was sent, and settles every flush.
	 * @param cause the failure
	 * @param completions takes the completions to run, in order
	 */
	void failAll(Throwable cause, Consumer<Runnable> completions) {
		while (!this.messages.isEmpty()) {
			PendingMessage message = this.messages.poll();
			MessageAppendException error = new MessageAppendException(message.prepared(), cause);
			settled(message);
			completions.accept(() -> message.result.completeExceptionally(error));
		}
		settleFlushes(completions);
	}

	/**
	 * A future that completes once every message added so far is settled.
	 * @return the future, already complete if nothing waits
	 */
	CompletableFuture<Void> flush() {
		if (this.settled == this.accepted) {
			return CompletableFuture.completedFuture(null);
		}
		Flush flush = new Flush(this.accepted, new CompletableFuture<>());
		this.flushes.add(flush);
		return flush.future;
	}

	private void settled(PendingMessage message) {
		this.bytes -= message.bytes;
		this.settled++;
	}

	private void settleFlushes(Consumer<Runnable> completions) {
		while (!this.flushes.isEmpty() && this.flushes.peek().upTo <= this.settled) {
			Flush flush = this.flushes.poll();
			completions.accept(() -> flush.future.complete(null));
		}
	}

	private record Flush(long upTo, CompletableFuture<Void> future) {
	}

}
