package io.github.s2spring.client.internal.data;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;

import io.github.s2spring.client.concurrent.SerialExecutor;
import io.github.s2spring.client.config.Endpoint;
import io.github.s2spring.client.config.PathSegments;
import io.github.s2spring.client.config.S2ClientConfig;
import io.github.s2spring.client.data.S2Stream;
import io.github.s2spring.client.error.S2Exception;
import io.github.s2spring.client.error.TransportException;
import io.github.s2spring.client.internal.transport.H2Stream;
import io.github.s2spring.client.internal.transport.Http2Transport;
import io.github.s2spring.client.internal.transport.StreamListener;
import io.github.s2spring.protocol.s2s.Compression;

/**
 * What every data-plane call shares: the transport, the configuration, request headers,
 * unary exchanges with timeouts, retries with backoff, and the mapping of failures to
 * {@link S2Exception}s; and the executor that delivers session callbacks.
 */
public final class DataPlane implements AutoCloseable {

	private final Http2Transport transport;

	private final S2ClientConfig config;

	private final AtomicInteger openSessions = new AtomicInteger();

	private final Executor delivery;

	private final @Nullable ExecutorService ownedDelivery;

	/**
	 * Creates the data plane of a client.
	 * @param transport the transport
	 * @param config the configuration
	 */
	public DataPlane(Http2Transport transport, S2ClientConfig config) {
		this.transport = transport;
		this.config = config;
		Executor configured = config.deliveryExecutor();
		this.ownedDelivery = (configured != null) ? null : DeliveryPool.create();
		this.delivery = (configured != null) ? configured : this.ownedDelivery;
	}

	/**
	 * Stops the delivery pool the client owns, if any, once its queued callbacks ran.
	 */
	@Override
	public void close() {
		if (this.ownedDelivery != null) {
			this.ownedDelivery.shutdown();
		}
	}

	/**
	 * The executor of one session's callbacks: the session's own executor, the event
	 * loop, or by default the client's delivery executor; callbacks run one at a time and
	 * in order on it.
	 * @param loop the session's event loop
	 * @param own the executor the caller named, or {@code null}
	 * @param onEventLoop whether the caller asked for the event loop
	 * @return a serial executor
	 */
	Executor sessionDelivery(EventExecutor loop, @Nullable Executor own, boolean onEventLoop) {
		if (onEventLoop) {
			return loop;
		}
		return new SerialExecutor((own != null) ? own : this.delivery);
	}

	/**
	 * A handle on a stream. No request is made.
	 * @param basin the basin name, already validated
	 * @param stream the stream name
	 * @return the handle
	 * @throws io.github.s2spring.client.error.ValidationException if the stream name is
	 * invalid
	 */
	public S2Stream stream(String basin, String stream) {
		return new DefaultS2Stream(this, basin, stream);
	}

	/**
	 * How many append and read sessions are open: created and neither closed nor ended.
	 * @return the number of sessions
	 */
	public int openSessions() {
		return this.openSessions.get();
	}

	/**
	 * Counts a session that opens; {@link #sessionEnded()} counts it out again.
	 */
	void sessionOpened() {
		this.openSessions.incrementAndGet();
	}

	void sessionEnded() {
		this.openSessions.decrementAndGet();
	}

	S2ClientConfig config() {
		return this.config;
	}

	Http2Transport transport() {
		return this.transport;
	}

	EventExecutor executor() {
		return this.transport.executor();
	}

	/**
	 * The event loop of a basin's origin, where its connections run: a session on it
	 * handles every frame on the thread that read it.
	 * @param basin the basin
	 * @return the event loop
	 */
	EventExecutor executor(String basin) {
		return this.transport.executor(endpoint(basin));
	}

	Endpoint endpoint(String basin) {
		return this.config.endpoints().basin(basin);
	}

	Http2Headers headers(String method, String basin, String stream, String suffix, @Nullable String query) {
		Endpoint endpoint = endpoint(basin);
		String path = endpoint.path("/streams/" + PathSegments.encode(stream) + suffix)
				+ ((query != null && !query.isEmpty()) ? "?" + query : "");
		Http2Headers headers = new DefaultHttp2Headers().method(method)
			.path(path)
			.scheme(endpoint.scheme())
			.authority(endpoint.authority());
		if (this.config.sendsAccessToken()) {
			headers.add("authorization", "Bearer " + this.config.accessToken());
		}
		headers.add("user-agent", this.config.userAgent());
		if (this.config.endpoints().sendsBasinHeader()) {
			headers.add("s2-basin", basin);
		}
		return headers;
	}

	CompletableFuture<H2Stream> open(Endpoint endpoint, StreamListener listener, String what) {
		return this.transport.openStream(endpoint, listener).handle((stream, ex) -> {
			if (ex != null) {
				throw new CompletionException(connectFailure(endpoint, unwrap(ex)));
			}
			return stream;
		});
	}

	/**
	 * Opens the HTTP/2 stream of one S2S session attempt and sends its request. Then, on
	 * the session's executor: a failure goes to the attempt's
	 * {@link SessionAttempt#onError onError}; a stream the attempt no longer wants is
	 * cancelled; otherwise the attempt gets the stream, the request headers are written,
	 * reading starts and {@link SessionAttempt#started} runs.
	 * @param loop the session's executor
	 * @param stream the S2 stream
	 * @param method the HTTP method
	 * @param query the query string, or {@code null}
	 * @param endStream whether the request ends with its headers
	 * @param attempt the attempt
	 * @param what the session kind, for error messages
	 */
	void openSession(EventExecutor loop, S2Stream stream, String method, @Nullable String query, boolean endStream,
			SessionAttempt attempt, String what) {
		Http2Headers headers = headers(method, stream.basin(), stream.name(), "/records", query);
		headers.add("content-type", "s2s/proto");
		Compression compression = this.config.compression();
		if (compression.token() != null) {
			headers.add("accept-encoding", compression.token());
		}
		SessionStreamListener listener = new SessionStreamListener(loop, attempt);
		open(endpoint(stream.basin()), listener, what).whenComplete((h2, ex) -> loop.execute(() -> {
			if (ex != null) {
				attempt.gone.complete(null);
				attempt.onError(toS2Exception(ex, what));
				return;
			}
			h2.closeFuture().whenComplete((closed, failure) -> attempt.gone.complete(null));
			if (!attempt.isWanted()) {
				h2.cancel();
				return;
			}
			attempt.stream = h2;
			h2.writeHeaders(headers, endStream);
			h2.read();
			attempt.started();
		}));
	}

	private S2Exception connectFailure(Endpoint endpoint, Throwable cause) {
		if (this.transport.isClosed()) {
			return TransportException.closed("S2 client");
		}
		if (cause instanceof S2Exception s2) {
			return s2;
		}
		return TransportException.connectFailed(endpoint.origin(), cause);
	}

	/**
	 * Runs a task on a session executor, or reports that the client is closed.
	 * @param executor the executor
	 * @param task the task
	 * @param closed called with the failure if the executor no longer runs tasks
	 */
	static void execute(EventExecutor executor, Runnable task, Consumer<S2Exception> closed) {
		try {
			executor.execute(task);
		}
		catch (RejectedExecutionException ex) {
			closed.accept(TransportException.closed("S2 client"));
		}
	}

	/**
	 * Sends one request and collects the response, failing after {@code timeoutMillis}.
	 */
	CompletableFuture<UnaryResponse> exchange(String basin, Http2Headers headers, @Nullable ByteBuffer body,
			long timeoutMillis, String what) {
		if (this.transport.isClosed()) {
			return CompletableFuture.failedFuture(TransportException.closed("S2 client"));
		}
		UnaryExchange exchange = new UnaryExchange(what);
		Endpoint endpoint = endpoint(basin);
		ScheduledFuture<?> timer;
		try {
			timer = executor().schedule(() -> exchange.timeout(timeoutMillis), timeoutMillis, TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			return CompletableFuture.failedFuture(TransportException.closed("S2 client"));
		}
		open(endpoint, exchange, what).whenComplete((stream, ex) -> {
			if (ex != null) {
				exchange.response().completeExceptionally(unwrap(ex));
				return;
			}
			if (body == null) {
				stream.writeHeaders(headers, true);
			}
			else {
				stream.writeHeaders(headers, false);
				stream.writeData(Unpooled.wrappedBuffer(body), true);
			}
			exchange.started(stream);
		});
		exchange.response().whenComplete((response, ex) -> timer.cancel(false));
		return exchange.response();
	}

	/**
	 * Runs an attempt and retries it while {@code retry} accepts the failure and the
	 * policy allows another attempt.
	 */
	<T> CompletableFuture<T> withRetries(Supplier<CompletableFuture<T>> attempt, Predicate<S2Exception> retry) {
		CompletableFuture<T> result = new CompletableFuture<>();
		run(attempt, retry, 1, result);
		return result;
	}

	private <T> void run(Supplier<CompletableFuture<T>> attempt, Predicate<S2Exception> retry, int attemptNumber,
			CompletableFuture<T> result) {
		attempt.get().whenComplete((value, ex) -> {
			if (ex == null) {
				result.complete(value);
				return;
			}
			S2Exception failure = toS2Exception(ex, "request");
			if (failure.retryable() && retry.test(failure)
					&& this.config.retryPolicy().allowsAnotherAttempt(attemptNumber) && !this.transport.isClosed()) {
				long delay = this.config.retryPolicy().backoff(attemptNumber - 1).toMillis();
				try {
					executor().schedule(() -> run(attempt, retry, attemptNumber + 1, result), delay,
							TimeUnit.MILLISECONDS);
				}
				catch (RuntimeException rejected) {
					result.completeExceptionally(TransportException.closed("S2 client"));
				}
			}
			else {
				result.completeExceptionally(failure);
			}
		});
	}

	/**
	 * Maps any failure to an {@link S2Exception}.
	 * @param failure the failure
	 * @param what what was under way
	 * @return the exception
	 */
	static S2Exception toS2Exception(Throwable failure, String what) {
		Throwable cause = unwrap(failure);
		if (cause instanceof S2Exception s2) {
			return s2;
		}
		if (cause instanceof ConnectException) {
			return TransportException.connectFailed("the server", cause);
		}
		if (cause instanceof IOException || cause instanceof ClosedChannelException) {
			return TransportException.connectionLost(what, cause);
		}
		return new TransportException(TransportException.PROTOCOL_ERROR,
				"Unexpected failure during " + what + ": " + cause, false, false, cause);
	}

	static Throwable unwrap(Throwable failure) {
		Throwable cause = failure;
		while ((cause instanceof CompletionException || cause instanceof ExecutionException)
				&& cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

	/**
	 * Waits for a future, rethrowing its failure as the {@link S2Exception} it carries.
	 */
	static <T> T join(CompletableFuture<T> future) {
		try {
			return future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			future.cancel(true);
			throw new TransportException(TransportException.CLOSED, "Interrupted while waiting", false, false, ex);
		}
		catch (ExecutionException ex) {
			throw toS2Exception(ex, "request");
		}
	}

}
