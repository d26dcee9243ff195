package io.github.s2spring.client.config;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding of names (basins, streams, access token ids) placed in a URL path.
 * Every byte of the UTF-8 form except the unreserved characters
 * {@code A-Z a-z 0-9 - . _ ~} is encoded, so {@code chat/général x} becomes
 * {@code chat%2Fg%C3%A9n%C3%A9ral%20x}.
 */
public final class PathSegments {

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	private PathSegments() {
	}

	/**
	 * Encodes a name as one path segment.
	 * @param name the name
	 * @return the percent-encoded segment
	 */
	public static String encode(String name) {
		byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
		StringBuilder out = new StringBuilder(bytes.length + 16);
		for (byte b : bytes) {
			int c = b & 0xFF;
			if (isUnreserved(c)) {
				out.append((char) c);
			}
			else {
				out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
			}
		}
		return out.toString();
	}

	private static boolean isUnreserved(int c) {
		return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
				|| c == '_' || c == '~';
	}

}
