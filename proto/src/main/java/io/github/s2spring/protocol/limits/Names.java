package io.github.s2spring.protocol.limits;

import java.nio.charset.StandardCharsets;

/**
 * Rules for the names of basins, streams, access tokens and locations, and for tokens.
 */
public final class Names {

	private Names() {
	}

	/**
	 * Checks a basin name: 8 to 48 bytes of {@code [a-z0-9-]}, beginning and ending with
	 * {@code [a-z0-9]}.
	 * @param name the name
	 * @return the name
	 * @throws ValidationException if the name breaks the rule
	 */
	public static String requireBasinName(String name) {
		if (name.length() < Limits.MIN_BASIN_NAME_BYTES || name.length() > Limits.MAX_BASIN_NAME_BYTES) {
			throw new ValidationException("basin name", name, "must be " + Limits.MIN_BASIN_NAME_BYTES + " to "
					+ Limits.MAX_BASIN_NAME_BYTES + " characters long, got " + name.length());
		}
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (!isLowerAlphanumeric(c) && c != '-') {
				throw new ValidationException("basin name", name,
						"must contain only lowercase letters, digits and hyphens, found '" + c + "' at index " + i);
			}
		}
		if (name.startsWith("-") || name.endsWith("-")) {
			throw new ValidationException("basin name", name, "must begin and end with a lowercase letter or digit");
		}
		return name;
	}

	/**
	 * Checks a basin name prefix used to filter a listing: at most 48 characters of
	 * {@code [a-z0-9-]}, not beginning with a hyphen; empty is allowed.
	 * @param prefix the prefix
	 * @return the prefix
	 * @throws ValidationException if the prefix breaks the rule
	 */
	public static String requireBasinPrefix(String prefix) {
		if (prefix.length() > Limits.MAX_BASIN_NAME_BYTES) {
			throw new ValidationException("basin prefix", prefix,
					"must be at most " + Limits.MAX_BASIN_NAME_BYTES + " characters long, got " + prefix.length());
		}
		for (int i = 0; i < prefix.length(); i++) {
			char c = prefix.charAt(i);
			if (!isLowerAlphanumeric(c) && (c != '-' || i == 0)) {
				throw new ValidationException("basin prefix", prefix,
						"must contain only lowercase letters, digits and hyphens (not first), found '" + c
								+ "' at index " + i);
			}
		}
		return prefix;
	}

	/**
	 * Checks a stream name: 1 to 512 bytes of UTF-8, not {@code .} or {@code ..}.
	 * @param name the name
	 * @return the name
	 * @throws ValidationException if the name breaks the rule
	 */
	public static String requireStreamName(String name) {
		requireUtf8Length("stream name", name, 1, Limits.MAX_STREAM_NAME_BYTES);
		requireNotDots("stream name", name);
		return name;
	}

	/**
	 * Checks a stream name prefix used to filter a listing: at most 512 bytes of UTF-8.
	 * @param prefix the prefix
	 * @return the prefix
	 * @throws ValidationException if the prefix breaks the rule
	 */
	public static String requireStreamPrefix(String prefix) {
		requireUtf8Length("stream prefix", prefix, 0, Limits.MAX_STREAM_NAME_BYTES);
		return prefix;
	}

	/**
	 * Checks an access token id: 1 to 96 bytes of UTF-8, not {@code .} or {@code ..}.
	 * @param id the id
	 * @return the id
	 * @throws ValidationException if the id breaks the rule
	 */
	public static String requireAccessTokenId(String id) {
		requireUtf8Length("access token id", id, 1, Limits.MAX_ACCESS_TOKEN_ID_BYTES);
		requireNotDots("access token id", id);
		return id;
	}

	/**
	 * Checks a location name: 1 to 64 characters of {@code [A-Za-z0-9:.-]}.
	 * @param location the location
	 * @return the location
	 * @throws ValidationException if the name breaks the rule
	 */
	public static String requireLocation(String location) {
		if (location.isEmpty() || location.length() > Limits.MAX_LOCATION_CHARS) {
			throw new ValidationException("location", location,
					"must be 1 to " + Limits.MAX_LOCATION_CHARS + " characters long, got " + location.length());
		}
		for (int i = 0; i < location.length(); i++) {
			char c = location.charAt(i);
			boolean allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ':'
					|| c == '.' || c == '-';
			if (!allowed) {
				throw new ValidationException("location", location,
						"must contain only letters, digits, ':', '.' and '-', found '" + c + "' at index " + i);
			}
		}
		return location;
	}

	/**
	 * Checks a fencing token: at most 36 bytes of UTF-8 (empty is allowed and means no
	 * fence).
	 * @param token the token
	 * @return the token
	 * @throws ValidationException if the token is too long
	 */
	public static String requireFencingToken(String token) {
		requireUtf8Length("fencing token", token, 0, Limits.MAX_FENCING_TOKEN_BYTES);
		return token;
	}

	/**
	 * Checks an {@code s2-request-token} idempotency token: 1 to 36 bytes.
	 * @param token the token
	 * @return the token
	 * @throws ValidationException if the token is empty or too long
	 */
	public static String requireRequestToken(String token) {
		requireUtf8Length("request token", token, 1, Limits.MAX_REQUEST_TOKEN_BYTES);
		return token;
	}

	/**
	 * The length of a string in bytes of UTF-8.
	 * @param text the string
	 * @return the number of bytes
	 */
	public static int utf8Length(CharSequence text) {
		int bytes = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				bytes++;
			}
			else if (c < 0x800) {
				bytes += 2;
			}
			else if (Character.isHighSurrogate(c) && i + 1 < text.length()
					&& Character.isLowSurrogate(text.charAt(i + 1))) {
				bytes += 4;
				i++;
			}
			else {
				bytes += 3;
			}
		}
		return bytes;
	}

	private static void requireUtf8Length(String rule, String value, int min, int max) {
		int bytes = utf8Length(value);
		if (bytes < min || bytes > max) {
			String range = (min == 0) ? "at most " + max : min + " to " + max;
			throw new ValidationException(rule, value, "must be " + range + " bytes of UTF-8, got " + bytes);
		}
		if (!StandardCharsets.UTF_8.newEncoder().canEncode(value)) {
			throw new ValidationException(rule, value, "must be valid Unicode (found an unpaired surrogate)");
		}
	}

	private static void requireNotDots(String rule, String value) {
		if (value.equals(".") || value.equals("..")) {
			throw new ValidationException(rule, value, "must not be \".\" or \"..\"");
		}
	}

	private static boolean isLowerAlphanumeric(char c) {
		return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
	}

}
