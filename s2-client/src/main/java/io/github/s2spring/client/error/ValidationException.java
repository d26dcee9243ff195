package io.github.s2spring.client.error;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * A value broke one of S2's rules before anything was sent: a name, a record, a batch, a
 * fencing token, read options or a configuration value. Status 0, code {@value #CODE};
 * retrying the same call cannot help, and nothing happened.
 */
public final class ValidationException extends S2Exception {

	/** The code of every validation failure. */
	public static final String CODE = "invalid";

	private static final long serialVersionUID = 1L;

	private static final int MAX_VALUE_CHARS = 80;

	private final String rule;

	private final String value;

	private final String reason;

	/**
	 * Creates an exception.
	 * @param rule what was checked, such as {@code stream name} or {@code record batch}
	 * @param value the offending value (text longer than 80 characters is shortened in
	 * the message)
	 * @param reason what the rule requires
	 */
	public ValidationException(String rule, Object value, String reason) {
		this(rule, String.valueOf(value), reason, "Invalid " + rule + " " + describe(value) + ": " + reason, null);
	}

	private ValidationException(String rule, String value, String reason, String message, @Nullable Throwable cause) {
		super(0, CODE, message, false, true, cause);
		this.rule = rule;
		this.value = value;
		this.reason = reason;
	}

	/**
	 * Runs a check of S2's rules and reports its failure as this exception: the one place
	 * where the protocol module's validation failures become the client's.
	 * @param <T> the type of the checked value
	 * @param check the check, returning the valid value
	 * @return the value the check returned
	 * @throws ValidationException if the check failed
	 */
	public static <T> T check(Supplier<T> check) {
		try {
			return check.get();
		}
		catch (io.github.s2spring.protocol.limits.ValidationException ex) {
			throw new ValidationException(ex.rule(), ex.value(), ex.reason(), ex.getMessage(), ex);
		}
	}

	/**
	 * What was checked, such as {@code stream name}.
	 * @return the rule
	 */
	public String rule() {
		return this.rule;
	}

	/**
	 * The offending value, as text.
	 * @return the value
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
