package io.github.s2spring.benchmarks.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.IntSupplier;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.embedded.S2EmbeddedServer;

/**
 * The server under test: an embedded server started in this process, or one given by URL.
 * Also creates the basin every scenario uses.
 */
final class BenchServer implements AutoCloseable {

	/**
	 * The one client of every unary request the harness makes, so that its keep-alive
	 * connections stay put instead of closing whenever a GC collects a client (which
	 * would skew the connection counts of the scale scenario).
	 */
	static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final @Nullable S2EmbeddedServer embedded;

	private final URI baseUrl;

	private BenchServer(@Nullable S2EmbeddedServer embedded, URI baseUrl) {
		this.embedded = embedded;
		this.baseUrl = baseUrl;
	}

	/**
	 * Starts an in-memory embedded server on a free port.
	 * @return the server
	 */
	static BenchServer startEmbedded() {
		S2EmbeddedServer server = S2EmbeddedServer.builder().port(0).build().start();
		return new BenchServer(server, URI.create(server.baseUrl() + "/v1"));
	}

	/**
	 * Uses a server that is already running.
	 * @param url its base URL, with or without {@code /v1}
	 * @return the server
	 */
	static BenchServer remote(String url) {
		String base = url.endsWith("/v1") ? url : (url.endsWith("/") ? url + "v1" : url + "/v1");
		return new BenchServer(null, URI.create(base));
	}

	/**
	 * The base URL, ending with {@code /v1}.
	 * @return the URL
	 */
	URI baseUrl() {
		return this.baseUrl;
	}

	/**
	 * The origin, without {@code /v1}.
	 * @return the origin
	 */
	String origin() {
		String url = this.baseUrl.toString();
		return url.substring(0, url.length() - "/v1".length());
	}

	/**
	 * Counts the TCP connections the server has accepted, when it runs on this machine.
	 * @return the counter, or {@code null} if they cannot be counted
	 */
	@Nullable IntSupplier connectionCounter() {
		boolean local = this.baseUrl.getHost().equals("127.0.0.1") || this.baseUrl.getHost().equals("localhost");
		return (local && TcpConnections.supported()) ? () -> TcpConnections.acceptedOn(this.baseUrl.getPort()) : null;
	}

	/**
	 * Creates a basin whose streams are created on first append or read.
	 * @param name the basin name
	 * @throws IOException if the request fails
	 * @throws InterruptedException if interrupted
	 */
	void createBasin(String name) throws IOException, InterruptedException {
		String body = "{\"basin\":\"" + name
				+ "\",\"config\":{\"create_stream_on_append\":true,\"create_stream_on_read\":true}}";
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(this.baseUrl + "/basins"))
			.header("content-type", "application/json")
			.header("authorization", "Bearer bench")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() / 100 != 2) {
			throw new IOException(
					"creating basin " + name + " failed: " + response.statusCode() + " " + response.body());
		}
	}

	/**
	 * Deletes a stream and waits until the server no longer knows it, so that an
	 * in-memory server has freed its records before the next measurement starts. Failures
	 * are ignored: this only saves memory.
	 * @param basin the basin
	 * @param stream the stream
	 */
	void deleteStream(String basin, String stream) {
		try {
			HTTP.send(request(basin, stream).DELETE().build(), HttpResponse.BodyHandlers.discarding());
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (System.nanoTime() < deadline
					&& HTTP.send(request(basin, stream).GET().build(), HttpResponse.BodyHandlers.discarding())
						.statusCode() != 404) {
				Thread.sleep(50);
			}
		}
		catch (IOException ex) {
			// best effort
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private HttpRequest.Builder request(String basin, String stream) {
		return HttpRequest.newBuilder(URI.create(this.baseUrl + "/streams/" + stream))
			.header("s2-basin", basin)
			.header("authorization", "Bearer bench");
	}

	@Override
	public void close() {
		if (this.embedded != null) {
			this.embedded.close();
		}
	}

}
