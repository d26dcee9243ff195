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
		this(new io.github.s2spring.protocol.limits.ValidationException(rule, value, reason), null);
	}

	/**
	 * The client's form of a protocol validation failure, with the same rule, value,
	 * reason and message.
	 */
	private ValidationException(io.github.s2spring.protocol.limits.ValidationException failure,
			@Nullable Throwable cause) {
		super(0, CODE, failure.getMessage(), false, true, cause);
		this.rule = failure.rule();
		this.value = failure.value();
		this.reason = failure.reason();
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
			throw new ValidationException(ex, ex);
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

}
