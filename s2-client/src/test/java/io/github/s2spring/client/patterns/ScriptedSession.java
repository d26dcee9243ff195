package io.github.s2spring.client.patterns;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.s2spring.client.data.AppendAck;
import io.github.s2spring.client.data.AppendBatch;
import io.github.s2spring.client.data.AppendRecord;
import io.github.s2spring.client.data.AppendSession;
import io.github.s2spring.client.data.AppendTicket;
import io.github.s2spring.client.data.SequencedRecord;
import io.github.s2spring.client.error.OverloadedException;
import io.github.s2spring.protocol.StreamPosition;

/**
 * An {@link AppendSession} in memory for the writer's unit tests: every batch submitted
 * is checked with the server's rules and kept, with its admission and acknowledgement
 * under the test's control ({@link #manual()}) or given at once ({@link #automatic()}).
 * Acknowledging a batch appends its records to an in-memory stream (seq nums from 0,
 * every record of a batch timestamped 1000 plus the batch's first seq num). It is a
 * dynamic proxy answering only {@code submit} and {@code closeAsync}, the two methods the
 * writer uses, so that it does not depend on the interface's other methods.
 */
final class ScriptedSession implements InvocationHandler {

	private final boolean automatic;

	private final List<Submission> submissions = new CopyOnWriteArrayList<>();

	private final List<SequencedRecord> stored = new ArrayList<>();

	private final AtomicInteger refusals = new AtomicInteger();

	private final CompletableFuture<Void> closed = new CompletableFuture<>();

	private final AppendSession proxy;

	private ScriptedSession(boolean automatic) {
		this.automatic = automatic;
		this.proxy = (AppendSession) Proxy.newProxyInstance(AppendSession.class.getClassLoader(),
				new Class<?>[] { AppendSession.class }, this);
	}

	/**
	 * A session that admits and acknowledges every batch at once, on the submitting
	 * thread.
	 */
	static ScriptedSession automatic() {
		return new ScriptedSession(true);
	}

	/**
	 * A session that admits and acknowledges only when the test says so.
	 */
	static ScriptedSession manual() {
		return new ScriptedSession(false);
	}

	AppendSession session() {
		return this.proxy;
	}

	/**
	 * Refuses the next submissions with an {@link OverloadedException}.
	 */
	void refuse(int submissions) {
		this.refusals.set(submissions);
	}

	int refusalsLeft() {
		return this.refusals.get();
	}

	List<Submission> submissions() {
		return List.copyOf(this.submissions);
	}

	Submission submission(int index) {
		return this.submissions.get(index);
	}

	List<AppendBatch> batches() {
		return this.submissions.stream().map(Submission::batch).toList();
	}

	synchronized List<SequencedRecord> stored() {
		return List.copyOf(this.stored);
	}

	boolean isClosed() {
		return this.closed.isDone();
	}

	/**
	 * Fails the session's close.
	 */
	void failClose(Throwable cause) {
		this.closed.completeExceptionally(cause);
	}

	@Override
	public Object invoke(Object proxy, Method method, Object[] args) {
		return switch (method.getName()) {
			case "submit" -> submit((AppendBatch) args[0]);
			case "closeAsync" -> {
				this.closed.complete(null);
				yield this.closed;
			}
			case "toString" -> "ScriptedSession";
			case "hashCode" -> System.identityHashCode(this);
			case "equals" -> proxy == args[0];
			default -> throw new UnsupportedOperationException(method.getName());
		};
	}

	private CompletableFuture<AppendTicket> submit(AppendBatch batch) {
		TestRecords.validate(batch);
		if (this.refusals.getAndUpdate((n) -> Math.max(0, n - 1)) > 0) {
			return CompletableFuture.failedFuture(new OverloadedException("scripted refusal"));
		}
		Submission submission = new Submission(this, batch, new CompletableFuture<>(), new CompletableFuture<>());
		this.submissions.add(submission);
		if (this.automatic) {
			submission.admit();
			submission.ack();
		}
		return submission.admitted();
	}

	private synchronized AppendAck store(AppendBatch batch) {
		long start = this.stored.size();
		long timestamp = 1000 + start;
		for (AppendRecord record : batch.records()) {
			this.stored.add(new SequencedRecord(this.stored.size(), timestamp, record.headers(), record.body()));
		}
		long end = this.stored.size();
		return new AppendAck(new StreamPosition(start, timestamp), new StreamPosition(end, timestamp),
				new StreamPosition(end, timestamp));
	}

	/**
	 * One batch submitted, with its admission and acknowledgement.
	 */
	record Submission(ScriptedSession session, AppendBatch batch, CompletableFuture<AppendTicket> admitted,
			CompletableFuture<AppendAck> acknowledgement) {

		Submission admit() {
			this.admitted.complete(new AppendTicket(this.batch, this.acknowledgement));
			return this;
		}

		/**
		 * Writes the batch and acknowledges it.
		 */
		AppendAck ack() {
			AppendAck written = this.session.store(this.batch);
			this.acknowledgement.complete(written);
			return written;
		}

		void fail(Throwable cause) {
			this.admitted.completeExceptionally(cause);
			this.acknowledgement.completeExceptionally(cause);
		}

	}

}
