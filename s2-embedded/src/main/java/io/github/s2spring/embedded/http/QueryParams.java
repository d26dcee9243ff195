package io.github.s2spring.embedded.http;

import java.util.List;
import java.util.Map;

import io.netty.handler.codec.http.QueryStringDecoder;
import org.jspecify.annotations.Nullable;

import io.github.s2spring.embedded.error.ApiException;
import io.github.s2spring.protocol.error.ErrorCode;

/**
 * The query parameters of a request, with typed accessors that answer malformed values
 * with {@code bad_query}.
 */
public final class QueryParams {

	private final Map<String, List<String>> params;

	QueryParams(String uri) {
		this.params = new QueryStringDecoder(uri).parameters();
		for (Map.Entry<String, List<String>> entry : this.params.entrySet()) {
			if (entry.getValue().size() > 1) {
				throw ApiException.of(ErrorCode.BAD_QUERY,
						"Invalid query string: duplicate field `" + entry.getKey() + "`");
			}
		}
	}

	/**
	 * A parameter as text.
	 * @param name the name
	 * @return the value, or {@code null} if absent
	 */
	public @Nullable String string(String name) {
		List<String> values = this.params.get(name);
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	/**
	 * A parameter as text with a default.
	 * @param name the name
	 * @param fallback the value when absent
	 * @return the value
	 */
	public String string(String name, String fallback) {
		String value = string(name);
		return (value != null) ? value : fallback;
	}

	/**
	 * An unsigned 64-bit parameter.
	 * @param name the name
	 * @return the value, or {@code null} if absent
	 * @throws ApiException {@code bad_query} if it is not an unsigned integer
	 */
	public @Nullable Long unsigned(String name) {
		String value = string(name);
		if (value == null) {
			return null;
		}
		try {
			long parsed = Long.parseLong(value);
			if (parsed < 0 || value.startsWith("+")) {
				throw new NumberFormatException(value);
			}
			return parsed;
		}
		catch (NumberFormatException ex) {
			throw ApiException.of(ErrorCode.BAD_QUERY,
					"Invalid query string: `" + name + "` must be an unsigned integer, got \"" + value + "\"");
		}
	}

	/**
	 * A boolean parameter ({@code true} or {@code false}).
	 * @param name the name
	 * @param fallback the value when absent
	 * @return the value
	 */
	public boolean bool(String name, boolean fallback) {
		String value = string(name);
		if (value == null) {
			return fallback;
		}
		if (value.equals("true")) {
			return true;
		}
		if (value.equals("false")) {
			return false;
		}
		throw ApiException.of(ErrorCode.BAD_QUERY,
				"Invalid query string: `" + name + "` must be true or false, got \"" + value + "\"");
	}

}
