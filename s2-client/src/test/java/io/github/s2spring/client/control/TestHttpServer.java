package io.github.s2spring.client.control;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;

/**
 * A tiny real-socket HTTP/1.1 server for control-plane tests: records every request
 * exactly as it arrived (raw path, query, headers, body) and answers with canned replies,
 * in order, then with a default reply.
 */
final class TestHttpServer implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService executor = Executors.newFixedThreadPool(2);

	private final List<Recorded> requests = new CopyOnWriteArrayList<>();

	private final Deque<Reply> replies = new ConcurrentLinkedDeque<>();

	private volatile Reply otherwise = new Reply(500, Map.of(), "{\"code\":\"other\",\"message\":\"no reply queued\"}");

	private TestHttpServer(HttpServer server) {
		this.server = server;
		server.createContext("/", this::handle);
		server.setExecutor(this.executor);
		server.start();
	}

	static TestHttpServer start() {
		try {
			return new TestHttpServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String endpoint() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	int port() {
		return this.server.getAddress().getPort();
	}

	TestHttpServer reply(int status, String body, String... headerPairs) {
		this.replies.add(new Reply(status, pairs(headerPairs), body));
		return this;
	}

	TestHttpServer replyAfter(long delayMillis, int status, String body) {
		this.replies.add(new Reply(status, Map.of(), body, delayMillis));
		return this;
	}

	TestHttpServer otherwise(int status, String body) {
		this.otherwise = new Reply(status, Map.of(), body);
		return this;
	}

	List<Recorded> requests() {
		return new ArrayList<>(this.requests);
	}

	Recorded onlyRequest() {
		if (this.requests.size() != 1) {
			throw new AssertionError("expected one request, got " + this.requests);
		}
		return this.requests.get(0);
	}

	private void handle(HttpExchange exchange) throws IOException {
		byte[] body = exchange.getRequestBody().readAllBytes();
		Map<String, String> headers = new LinkedHashMap<>();
		exchange.getRequestHeaders()
			.forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
		this.requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
				exchange.getRequestURI().getRawQuery(), headers, new String(body, StandardCharsets.UTF_8)));
		Reply reply = this.replies.poll();
		if (reply == null) {
			reply = this.otherwise;
		}
		if (reply.delayMillis() > 0) {
			try {
				Thread.sleep(reply.delayMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		if (reply.status() < 0) {
			exchange.close();
			return;
		}
		reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
		byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
		if (!reply.body().isEmpty()) {
			exchange.getResponseHeaders().add("Content-Type", "application/json");
		}
		exchange.sendResponseHeaders(reply.status(), out.length == 0 ? -1 : out.length);
		try (OutputStream stream = exchange.getResponseBody()) {
			stream.write(out);
		}
	}

	private static Map<String, String> pairs(String... pairs) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i + 1 < pairs.length; i += 2) {
			map.put(pairs[i], pairs[i + 1]);
		}
		return map;
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	/**
	 * A request as it arrived.
	 */
	record Recorded(String method, String rawPath, @Nullable String rawQuery, Map<String, String> headers,
			String body) {

		@Nullable String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

	}

	/**
	 * A canned reply; a negative status closes the connection without answering.
	 */
	record Reply(int status, Map<String, String> headers, String body, long delayMillis) {

		Reply(int status, Map<String, String> headers, String body) {
			this(status, headers, body, 0);
		}

	}

}
