package io.github.s2spring.client.internal.control;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import io.github.s2spring.client.config.RetryPolicy;
import io.github.s2spring.client.config.S2ClientConfig;
import io.github.s2spring.client.error.S2Exception;
import io.github.s2spring.client.error.TransportException;

/**
 * Sends control-plane requests over Spring's {@link RestClient} on the JDK HttpClient:
 * adds the bearer token and user agent, retries retryable failures with the configured
 * backoff (never sooner than a {@code retry-after-ms} header asks), maps error responses
 * to the {@link S2Exception} hierarchy, and runs asynchronous calls on a small executor
 * that it owns.
 */
final class ControlTransport implements AutoCloseable {

	/** The response header that asks for a minimum delay before a retry. */
	static final String RETRY_AFTER_MS = "retry-after-ms";

	private static final int ASYNC_THREADS = 4;

	private final S2ClientConfig config;

	private final ExecutorService httpExecutor;

	private final ThreadPoolExecutor asyncExecutor;

	private volatile @Nullable HttpClient httpClient;

	private volatile @Nullable RestClient restClient;

	private final AtomicBoolean closed = new AtomicBoolean();

	ControlTransport(S2ClientConfig config) {
		this.config = config;
		this.httpExecutor = Executors.newCachedThreadPool(daemonThreads("s2-control-http-"));
		this.asyncExecutor = new ThreadPoolExecutor(ASYNC_THREADS, ASYNC_THREADS, 30, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(), daemonThreads("s2-control-"));
		this.asyncExecutor.allowCoreThreadTimeOut(true);
		RestClient.Builder supplied = config.controlPlaneClient();
		if (supplied != null) {
			this.httpClient = null;
			this.restClient = supplied.clone().defaultHeaders((headers) -> defaultHeaders(config, headers)).build();
			return;
		}
		HttpClient.Builder httpBuilder = HttpClient.newBuilder()
			.connectTimeout(config.connectTimeout())
			.version(config.endpoints().account().secure() ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
			.executor(this.httpExecutor);
		TrustManagerFactory trust = config.trustManagerFactory();
		if (trust != null) {
			httpBuilder.sslContext(sslContext(trust));
		}
		HttpClient http = httpBuilder.build();
		this.httpClient = http;
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(http);
		requestFactory.setReadTimeout(config.requestTimeout());
		this.restClient = RestClient.builder()
			.requestFactory(requestFactory)
			.defaultHeaders((headers) -> defaultHeaders(config, headers))
			.build();
	}

	private static SSLContext sslContext(TrustManagerFactory trust) {
		try {
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, trust.getTrustManagers(), null);
			return context;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot build a TLS context from the configured trust managers", ex);
		}
	}

	private static void defaultHeaders(S2ClientConfig config, HttpHeaders headers) {
		if (config.sendsAccessToken()) {
			headers.setBearerAuth(config.accessToken());
		}
		headers.set(HttpHeaders.USER_AGENT, config.userAgent());
		headers.setAccept(List.of(MediaType.APPLICATION_JSON));
	}

	S2ClientConfig config() {
		return this.config;
	}

	/**
	 * Sends a request, retrying retryable failures.
	 * @throws S2Exception the typed failure of the last attempt
	 */
	<T> T call(ControlRequest request, ResponseReader<T> reader) {
		RetryPolicy policy = this.config.retryPolicy();
		for (int attempt = 1;; attempt++) {
			requireOpen();
			Attempt<T> outcome = attempt(request, reader);
			if (outcome.failure == null) {
				return outcome.value();
			}
			S2Exception failure = outcome.failure;
			if (!failure.retryable() || !policy.allowsAnotherAttempt(attempt)) {
				throw failure;
			}
			Duration backoff = policy.backoff(attempt - 1);
			sleep((outcome.retryAfter != null && outcome.retryAfter.compareTo(backoff) > 0) ? outcome.retryAfter
					: backoff);
		}
	}

	/**
	 * Sends a request on the client's executor.
	 */
	<T> CompletableFuture<T> callAsync(ControlRequest request, ResponseReader<T> reader) {
		return supplyAsync(() -> call(request, reader));
	}

	/**
	 * Runs blocking control-plane work on the client's executor.
	 */
	<T> CompletableFuture<T> supplyAsync(Supplier<T> work) {
		try {
			requireOpen();
			return CompletableFuture.supplyAsync(work, this.asyncExecutor);
		}
		catch (RejectedExecutionException ex) {
			return CompletableFuture.failedFuture(TransportException.closed("S2 client"));
		}
		catch (S2Exception ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	private <T> Attempt<T> attempt(ControlRequest request, ResponseReader<T> reader) {
		RestClient rest = this.restClient;
		if (rest == null) {
			throw TransportException.closed("S2 client");
		}
		RestClient.RequestBodySpec spec = rest.method(request.method())
			.uri(request.uri())
			.headers((headers) -> request.headers().forEach(headers::set));
		if (request.body() != null) {
			spec.contentType(MediaType.APPLICATION_JSON).body(Json.write(request.body()));
		}
		try {
			return spec.exchange((httpRequest, response) -> {
				int status = response.getStatusCode().value();
				byte[] body = readBody(response.getBody());
				HttpHeaders headers = response.getHeaders();
				if (status < 200 || status > 299) {
					S2Exception failure = S2Exception.fromResponse(status, new String(body, StandardCharsets.UTF_8));
					return Attempt.<T>failed(failure, retryAfter(headers.getFirst(RETRY_AFTER_MS)));
				}
				try {
					return Attempt.succeeded(reader.read(new ControlResponse(status, headers, body)));
				}
				catch (Json.MalformedJsonException ex) {
					throw new TransportException(TransportException.PROTOCOL_ERROR,
							"Malformed response to " + request.operation() + ": " + ex.getMessage(), false, false, ex);
				}
			}, true);
		}
		catch (ResourceAccessException ex) {
			return Attempt.failed(transportFailure(request, ex), null);
		}
	}

	private static byte[] readBody(@Nullable InputStream body) throws IOException {
		return (body != null) ? body.readAllBytes() : new byte[0];
	}

	private TransportException transportFailure(ControlRequest request, ResourceAccessException ex) {
		Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
		String target = request.operation() + " at " + request.uri().getScheme() + "://"
				+ request.uri().getRawAuthority();
		if (cause instanceof HttpConnectTimeoutException) {
			return new TransportException(TransportException.CONNECT_TIMEOUT,
					"Timed out connecting for " + target + " after " + this.config.connectTimeout().toMillis() + " ms",
					true, true, cause);
		}
		if (cause instanceof ConnectException) {
			return TransportException.connectFailed(target, cause);
		}
		if (cause instanceof HttpTimeoutException) {
			return new TransportException(TransportException.REQUEST_TIMEOUT,
					"No response to " + target + " within " + this.config.requestTimeout().toMillis() + " ms", true,
					false, cause);
		}
		return TransportException.connectionLost(target, cause);
	}

	private static @Nullable Duration retryAfter(@Nullable String header) {
		if (header == null) {
			return null;
		}
		try {
			long millis = Long.parseLong(header.trim());
			return (millis >= 0) ? Duration.ofMillis(millis) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private void sleep(Duration delay) {
		try {
			Thread.sleep(delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TransportException(this.closed.get() ? TransportException.CLOSED : "interrupted",
					"Interrupted while waiting to retry", false, false, ex);
		}
	}

	private void requireOpen() {
		if (this.closed.get()) {
			throw TransportException.closed("S2 client");
		}
	}

	/**
	 * Stops the executors; calls under way fail, later calls fail at once. Idempotent.
	 */
	@Override
	public void close() {
		if (!this.closed.compareAndSet(false, true)) {
			return;
		}
		HttpClient http = this.httpClient;
		this.restClient = null;
		this.httpClient = null;
		this.asyncExecutor.shutdownNow();
		this.httpExecutor.shutdownNow();
		// Java 21+ can close the HttpClient; on 17 its selector thread ends once the
		// client is unreachable, which dropping the references above allows.
		if (http instanceof AutoCloseable closeable) {
			closeQuietly(closeable);
		}
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// Closing is best effort: the executors are already stopped.
		}
	}

	private static ThreadFactory daemonThreads(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	/**
	 * The outcome of one attempt: a value, or a typed failure with the delay the server
	 * asked for.
	 */
	private record Attempt<T>(@Nullable T result, @Nullable S2Exception failure, @Nullable Duration retryAfter) {

		static <T> Attempt<T> succeeded(T value) {
			return new Attempt<>(value, null, null);
		}

		static <T> Attempt<T> failed(S2Exception failure, @Nullable Duration retryAfter) {
			return new Attempt<>(null, failure, retryAfter);
		}

		T value() {
			return this.result;
		}

	}

}
