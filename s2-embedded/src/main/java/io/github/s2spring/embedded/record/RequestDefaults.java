package io.github.s2spring.embedded.record;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The defaults S2 gives request fields a client may leave out (S2 OpenAPI spec): the list
 * parameters {@code prefix} and {@code start_after} ({@code ""}), and the booleans
 * {@code create_stream_on_append}, {@code create_stream_on_read} and
 * {@code auto_prefix_streams} ({@code false}). Sending the default and leaving the field
 * out mean the same, except in a PATCH, where an absent field is left unchanged.
 */
final class RequestDefaults {

	private static final Map<String, String> QUERY = Map.of("prefix", "", "start_after", "");

	private static final Map<String, String> BODY = Map.of("create_stream_on_append", "false", "create_stream_on_read",
			"false", "auto_prefix_streams", "false");

	private RequestDefaults() {
	}

	/**
	 * Whether a query parameter set on one side only is set to its default.
	 * @param name the parameter
	 * @param reference the reference's value or {@code absent}
	 * @param candidate the candidate's value or {@code absent}
	 * @return whether the difference is harmless
	 */
	static boolean queryDefault(String name, String reference, String candidate) {
		return isDefault(QUERY.get(name), reference, candidate);
	}

	/**
	 * Whether a body field set on one side only is set to its default.
	 * @param path the JSON path of the field
	 * @param reference the reference's value or {@code absent}
	 * @param candidate the candidate's value or {@code absent}
	 * @return whether the difference is harmless
	 */
	static boolean bodyDefault(String path, String reference, String candidate) {
		return isDefault(BODY.get(path.substring(path.lastIndexOf('.') + 1)), reference, candidate);
	}

	private static boolean isDefault(@Nullable String json, String reference, String candidate) {
		if (json == null) {
			return false;
		}
		String value = json.equals("false") ? "false" : "\"" + json + "\"";
		return (reference.equals("absent") && candidate.equals(value))
				|| (candidate.equals("absent") && reference.equals(value));
	}

	static String reason(String value) {
		return "absent and S2's default " + value + " mean the same here";
	}

}
