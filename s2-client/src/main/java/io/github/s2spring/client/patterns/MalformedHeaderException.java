package io.github.s2spring.client.patterns;

/**
 * A reserved patterns header ({@code _frame_records}, {@code _frame_bytes},
 * {@code _dedupe_seq}) whose value is not an 8-byte big-endian unsigned integer. Code
 * {@code malformed_header}.
 */
public final class MalformedHeaderException extends PatternException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception.
	 * @param headerName the name of the malformed header
	 * @param valueBytes the length of its value
	 */
	public MalformedHeaderException(String headerName, int valueBytes) {
		super("malformed_header",
				"Header " + headerName + " must hold exactly 8 bytes (a big-endian u64), got " + valueBytes + " bytes",
				true, null);
	}

}
