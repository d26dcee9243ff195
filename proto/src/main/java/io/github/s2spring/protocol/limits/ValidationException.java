package io.github.s2spring.protocol.limits;

import io.github.s2spring.protocol.S2ProtocolException;

/**
 * A value that breaks one of S2's rules. The message names the rule and the offending
 * value; a server answers it with {@code 422 invalid} (or the code the rule belongs to).
 */
public final class ValidationException extends S2ProtocolException {

	private static final long serialVersionUID = 1L;

	private static final int MAX_VALUE_CHARS = 80;

	private final String rule;

	private final String value;

	private final String reason;

	/**
	 * Creates an exception.
	 * @param rule the name of the rule, for example {@code "stream name"}
	 * @param value the offending value, shortened in the message if long
	 * @param reason what the rule requires
	 */
	public ValidationException(String rule, Object value, String reason) {
		super("Invalid " + rule + " " + describe(value) + ": " + reason);
		this.rule = rule;
		this.value = String.valueOf(value);
		this.reason = reason;
	}

	/**
	 * The name of the rule that was broken.
	 * @return the rule
	 */
	public String rule() {
		return this.rule;
	}

	/**
	 * The offending value.
	 * @return the value as text
	 */
	public String value() {
		return this.value;
	}

	/**
	 * What the rule requires.
	 * @return the reason
	 */
	public String reason() {
		return this.reason;
	}

	private static String describe(Object value) {
		if (value instanceof CharSequence text) {
			String shown = (text.length() > MAX_VALUE_CHARS) ? text.subSequence(0, MAX_VALUE_CHARS) + "..."
					: text.toString();
			return "\"" + shown + "\"";
		}
		return String.valueOf(value);
	}

}
