package io.github.s2spring.embedded.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.embedded.record.RequestRecorder;

/**
 * What every connection of one server shares: routes, the authorization hook, CORS, the
 * executor for work that may block (journal writes of the control plane), the open
 * sessions to drain at shutdown, and the request recorder, if any.
 */
public final class HttpContext {

	private final Router router;

	private final Authorizer authorizer;

	private final boolean cors;

	private final ExecutorService blockingExecutor;

	private final Set<Drainable> sessions = ConcurrentHashMap.newKeySet();

	private final @Nullable RequestRecorder recorder;

	private final AtomicLong requestSeq = new AtomicLong();

	private volatile boolean draining;

	/**
	 * Creates a context.
	 * @param router the routes
	 * @param authorizer the per-request authorization check
	 * @param cors whether to answer with permissive CORS headers
	 * @param blockingExecutor runs control-plane work off the event loops
	 * @param recorder receives every request, or {@code null} to record nothing
	 */
	public HttpContext(Router router, Authorizer authorizer, boolean cors, ExecutorService blockingExecutor,
			@Nullable RequestRecorder recorder) {
		this.router = router;
		this.authorizer = authorizer;
		this.cors = cors;
		this.blockingExecutor = blockingExecutor;
		this.recorder = recorder;
	}

	Router router() {
		return this.router;
	}

	/**
	 * Checks that a request may perform an operation beyond its route's own, such as the
	 * {@link Operation#FENCE} and {@link Operation#TRIM} of command records in an append.
	 * @param call the request
	 * @param operation the operation
	 * @throws io.github.s2spring.embedded.error.ApiException to refuse
	 */
	public void authorize(Call call, Operation operation) {
		this.authorizer.authorize(call, operation);
	}

	boolean cors() {
		return this.cors;
	}

	ExecutorService blockingExecutor() {
		return this.blockingExecutor;
	}

	@Nullable RequestRecorder recorder() {
		return this.recorder;
	}

	long nextRequestSeq() {
		return this.requestSeq.getAndIncrement();
	}

	/**
	 * Registers an open session.
	 * @param session the session
	 */
	public void register(Drainable session) {
		this.sessions.add(session);
		if (this.draining) {
			session.drain();
		}
	}

	/**
	 * Forgets a session that ended.
	 * @param session the session
	 */
	public void unregister(Drainable session) {
		this.sessions.remove(session);
	}

	/**
	 * Whether the server is shutting down.
	 * @return {@code true} once {@link #drain} was called
	 */
	public boolean draining() {
		return this.draining;
	}

	/**
	 * Asks every open session to drain.
	 */
	public void drain() {
		this.draining = true;
		this.sessions.forEach(Drainable::drain);
	}

	/**
	 * The number of open sessions.
	 * @return the count
	 */
	public int openSessions() {
		return this.sessions.size();
	}

}
