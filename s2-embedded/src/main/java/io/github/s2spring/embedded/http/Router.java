package io.github.s2spring.embedded.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.netty.handler.codec.http.HttpMethod;
import org.jspecify.annotations.Nullable;

import io.github.s2spring.embedded.error.ApiException;
import io.github.s2spring.protocol.error.ErrorCode;

/**
 * Maps a method and a path to an endpoint and its operation. Patterns are written like
 * {@code /v1/streams/{stream}/records}; each {@code {name}} matches one percent-decoded
 * path segment (so a stream name may contain an encoded {@code /}). A path that ends with
 * {@code /} ends with an empty segment, so {@code /v1/metrics/my-basin/} names an empty
 * stream rather than the basin.
 */
public final class Router {

	private final List<Route> routes = new ArrayList<>();

	/**
	 * Adds a route.
	 * @param method the HTTP method
	 * @param pattern the path pattern
	 * @param operation the operation performed, or {@code null} for routes outside the
	 * API (health)
	 * @param endpoint the handler
	 * @return this router
	 */
	public Router add(HttpMethod method, String pattern, @Nullable Operation operation, Endpoint endpoint) {
		this.routes.add(new Route(method, split(pattern), operation, endpoint));
		return this;
	}

	/**
	 * Finds the route of a request.
	 * @param method the method
	 * @param rawPath the path as sent, still percent-encoded, without the query
	 * @return the match
	 * @throws ApiException {@code bad_path} if no route matches
	 */
	public Match match(HttpMethod method, String rawPath) {
		List<String> segments = new ArrayList<>();
		for (String raw : split(rawPath)) {
			segments.add(decode(raw));
		}
		if (rawPath.length() > 1 && rawPath.endsWith("/")) {
			segments.add("");
		}
		boolean pathKnown = false;
		for (Route route : this.routes) {
			Map<String, String> params = route.match(segments);
			if (params == null) {
				continue;
			}
			pathKnown = true;
			if (route.method().equals(method)) {
				return new Match(route.operation(), route.endpoint(), params);
			}
		}
		if (pathKnown) {
			throw ApiException.of(ErrorCode.BAD_PATH, "Method " + method + " is not allowed on " + rawPath);
		}
		throw ApiException.of(ErrorCode.BAD_PATH, "No such path: " + rawPath);
	}

	private static List<String> split(String path) {
		List<String> segments = new ArrayList<>();
		for (String segment : path.split("/", -1)) {
			if (!segment.isEmpty()) {
				segments.add(segment);
			}
		}
		return segments;
	}

	/**
	 * Percent-decodes one path segment as UTF-8 ({@code +} stays a plus).
	 * @param raw the segment as sent
	 * @return the decoded segment
	 * @throws ApiException {@code bad_path} for a broken escape or invalid UTF-8
	 */
	static String decode(String raw) {
		if (raw.indexOf('%') < 0) {
			return raw;
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c == '%') {
				if (i + 2 >= raw.length()) {
					throw ApiException.of(ErrorCode.BAD_PATH, "Broken percent-encoding in path segment: " + raw);
				}
				int high = Character.digit(raw.charAt(i + 1), 16);
				int low = Character.digit(raw.charAt(i + 2), 16);
				if (high < 0 || low < 0) {
					throw ApiException.of(ErrorCode.BAD_PATH, "Broken percent-encoding in path segment: " + raw);
				}
				bytes.write((high << 4) | low);
				i += 2;
			}
			else {
				byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
				bytes.write(encoded, 0, encoded.length);
			}
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes.toByteArray()))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw ApiException.of(ErrorCode.BAD_PATH, "Path segment is not valid UTF-8: " + raw);
		}
	}

	/**
	 * A matched route.
	 *
	 * @param operation the operation, or {@code null} outside the API
	 * @param endpoint the handler
	 * @param params the path parameters by name
	 */
	public record Match(@Nullable Operation operation, Endpoint endpoint, Map<String, String> params) {
	}

	private record Route(HttpMethod method, List<String> pattern, @Nullable Operation operation, Endpoint endpoint) {

		@Nullable Map<String, String> match(List<String> segments) {
			if (segments.size() != this.pattern.size()) {
				return null;
			}
			Map<String, String> params = new HashMap<>();
			for (int i = 0; i < segments.size(); i++) {
				String part = this.pattern.get(i);
				if (part.startsWith("{") && part.endsWith("}")) {
					params.put(part.substring(1, part.length() - 1), segments.get(i));
				}
				else if (!part.equals(segments.get(i))) {
					return null;
				}
			}
			return params;
		}

	}

}
