package io.github.s2spring.protocol;

/**
 * Base class of the errors raised by the protocol layer: malformed frames, broken limits
 * and invalid names. Each subclass says which rule was broken and by what value.
 */
public abstract class S2ProtocolException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	protected S2ProtocolException(String message) {
		super(message);
	}

	protected S2ProtocolException(String message, Throwable cause) {
		super(message, cause);
	}

}
