package io.github.s2spring.core;

import io.github.s2spring.client.error.OverloadedException;

/**
 * A send refused at once because too many sends already wait for the same stream
 * ({@code s2.max-queue-size}): nothing was sent. Retry later, or slow down.
 */
public class S2OverloadedException extends OverloadedException {

	private static final long serialVersionUID = 1L;

	private final String stream;

	private final int maxQueueSize;

	/**
	 * Creates an exception.
	 * @param stream the stream
	 * @param maxQueueSize the bound that was reached
	 */
	public S2OverloadedException(String stream, int maxQueueSize) {
		super("Too many sends wait for stream '" + stream + "' (max-queue-size " + maxQueueSize
				+ "); nothing was sent");
		this.stream = stream;
		this.maxQueueSize = maxQueueSize;
	}

	/**
	 * The stream.
	 * @return the stream
	 */
	public String getStream() {
		return this.stream;
	}

	/**
	 * The bound that was reached.
	 * @return the most sends that may wait per stream
	 */
	public int getMaxQueueSize() {
		return this.maxQueueSize;
	}

}
