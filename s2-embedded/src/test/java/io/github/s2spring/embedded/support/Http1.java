package io.github.s2spring.embedded.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP/1.1 client for tests, over the JDK's HttpClient.
 */
public final class Http1 {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final HttpClient client;

	private final String baseUrl;

	private final String basin;

	public Http1(String baseUrl, String basin) {
		this(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build(),
				baseUrl, basin);
	}

	public Http1(HttpClient client, String baseUrl, String basin) {
		this.client = client;
		this.baseUrl = baseUrl;
		this.basin = basin;
	}

	public Response get(String path, String... headers) {
		return send("GET", path, null, headers);
	}

	public Response post(String path, String json, String... headers) {
		return send("POST", path, json.getBytes(StandardCharsets.UTF_8),
				concat(headers, "content-type", "application/json"));
	}

	public Response put(String path, String json, String... headers) {
		return send("PUT", path, json.getBytes(StandardCharsets.UTF_8),
				concat(headers, "content-type", "application/json"));
	}

	public Response patch(String path, String json, String... headers) {
		return send("PATCH", path, json.getBytes(StandardCharsets.UTF_8),
				concat(headers, "content-type", "application/json"));
	}

	public Response delete(String path, String... headers) {
		return send("DELETE", path, null, headers);
	}

	public Response send(String method, String path, byte[] body, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(70))
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofByteArray(body)
					: HttpRequest.BodyPublishers.noBody());
		boolean basinSet = false;
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
			basinSet |= headers[i].equalsIgnoreCase("s2-basin");
		}
		if (!basinSet && this.basin != null) {
			request.header("s2-basin", this.basin);
		}
		try {
			HttpResponse<byte[]> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Response(response.statusCode(), response.body(), response);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String[] concat(String[] headers, String name, String value) {
		for (int i = 0; i + 1 < headers.length; i += 2) {
			if (headers[i].equalsIgnoreCase(name)) {
				return headers;
			}
		}
		String[] all = new String[headers.length + 2];
		System.arraycopy(headers, 0, all, 0, headers.length);
		all[headers.length] = name;
		all[headers.length + 1] = value;
		return all;
	}

	public record Response(int status, byte[] bytes, HttpResponse<byte[]> raw) {

		public String body() {
			return new String(this.bytes, StandardCharsets.UTF_8);
		}

		public JsonNode json() {
			return MAPPER.readTree(this.bytes);
		}

		public String header(String name) {
			return this.raw.headers().firstValue(name).orElse(null);
		}

		public String code() {
			return json().path("code").asString();
		}

	}

}
