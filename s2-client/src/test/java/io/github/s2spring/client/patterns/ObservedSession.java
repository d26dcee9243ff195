package io.github.s2spring.client.patterns;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.s2spring.client.data.AppendAck;
import io.github.s2spring.client.data.AppendBatch;
import io.github.s2spring.client.data.AppendSession;
import io.github.s2spring.client.data.AppendTicket;

/**
 * A real append session seen through a dynamic proxy: every batch submitted and every
 * acknowledgement is recorded (when, too), and submissions can be held at a gate until
 * the test opens it. Every other method goes to the session unchanged, so the proxy does
 * not depend on the interface's other methods.
 */
final class ObservedSession implements InvocationHandler {

	private final AppendSession session;

	private final AppendSession proxy;

	private final List<Submitted> submitted = new CopyOnWriteArrayList<>();

	private volatile CompletableFuture<Void> gate = CompletableFuture.completedFuture(null);

	private ObservedSession(AppendSession session) {
		this.session = session;
		this.proxy = (AppendSession) Proxy.newProxyInstance(AppendSession.class.getClassLoader(),
				new Class<?>[] { AppendSession.class }, this);
	}

	static ObservedSession of(AppendSession session) {
		return new ObservedSession(session);
	}

	AppendSession session() {
		return this.proxy;
	}

	/**
	 * Holds the next submissions until {@link #open()}.
	 */
	void close() {
		this.gate = new CompletableFuture<>();
	}

	/**
	 * Lets the held submissions and the next ones through.
	 */
	void open() {
		this.gate.complete(null);
	}

	List<Submitted> submitted() {
		return List.copyOf(this.submitted);
	}

	List<AppendBatch> batches() {
		return this.submitted.stream().map(Submitted::batch).toList();
	}

	/**
	 * The acknowledgements of the batches, in the order the batches were submitted.
	 */
	List<AppendAck> acks() {
		return this.submitted.stream().map((submission) -> submission.ack().join()).toList();
	}

	@Override
	public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
		if (method.getName().equals("submit")) {
			AppendBatch batch = (AppendBatch) args[0];
			Submitted submission = new Submitted(batch, System.nanoTime(), new CompletableFuture<>(),
					new CompletableFuture<>());
			this.submitted.add(submission);
			return this.gate.thenCompose((open) -> this.session.submit(batch)).thenApply((ticket) -> {
				// the writer sees the acknowledgement only once it is recorded
				CompletableFuture<AppendAck> recorded = ticket.ack().whenComplete((ack, ex) -> {
					submission.ackNanos().complete(System.nanoTime());
					if (ex != null) {
						submission.ack().completeExceptionally(ex);
					}
					else {
						submission.ack().complete(ack);
					}
				});
				return new AppendTicket(ticket.batch(), recorded);
			});
		}
		try {
			return method.invoke(this.session, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	/**
	 * A batch as the writer submitted it, when, and its acknowledgement.
	 */
	record Submitted(AppendBatch batch, long nanos, CompletableFuture<AppendAck> ack,
			CompletableFuture<Long> ackNanos) {
	}

}
