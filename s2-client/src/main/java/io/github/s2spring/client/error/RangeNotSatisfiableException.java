package io.github.s2spring.client.error;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.protocol.StreamPosition;

/**
 * A read started beyond the stream's tail (HTTP 416). Use {@code clamp} to start at the
 * tail instead.
 */
public final class RangeNotSatisfiableException extends S2Exception {

	private static final long serialVersionUID = 1L;

	private final transient @Nullable StreamPosition tail;

	/**
	 * Creates an exception.
	 * @param tail the stream's tail, if the server sent it
	 */
	public RangeNotSatisfiableException(@Nullable StreamPosition tail) {
		super(416, "range_not_satisfiable",
				"Read start is beyond the tail" + ((tail != null) ? " (tail seq num " + tail.seqNum() + ")" : ""),
				false, true, null);
		this.tail = tail;
	}

	/**
	 * The stream's tail, if the server sent it.
	 * @return the tail, or {@code null}
	 */
	public @Nullable StreamPosition tail() {
		return this.tail;
	}

}
