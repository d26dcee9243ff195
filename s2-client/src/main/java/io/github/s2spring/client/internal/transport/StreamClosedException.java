package io.github.s2spring.client.internal.transport;

import java.io.IOException;

/**
 * An HTTP/2 stream or connection ended before its response did.
 */
public class StreamClosedException extends IOException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception.
	 * @param message what happened
	 */
	public StreamClosedException(String message) {
		super(message);
	}

}
