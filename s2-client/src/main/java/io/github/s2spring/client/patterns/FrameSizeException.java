package io.github.s2spring.client.patterns;

/**
 * A message (frame) whose size is outside the allowed range: a serialized message larger
 * than the writer's limit, or a frame header on the stream declaring a size that is not
 * positive or larger than the reader's limit. The TypeScript patterns call it
 * {@code FrameSizeError}. Code {@code frame_size}.
 */
public final class FrameSizeException extends PatternException {

	private static final long serialVersionUID = 1L;

	private final long frameBytes;

	private final long maxFrameBytes;

	/**
	 * Creates an exception.
	 * @param message what went wrong, naming the size and the limit
	 * @param frameBytes the size of the message or the declared frame size (unsigned)
	 * @param maxFrameBytes the limit that applied
	 */
	public FrameSizeException(String message, long frameBytes, long maxFrameBytes) {
		super("frame_size", message, true, null);
		this.frameBytes = frameBytes;
		this.maxFrameBytes = maxFrameBytes;
	}

	/**
	 * The size of the message, or the size a frame header declared (an unsigned 64-bit
	 * value).
	 * @return the size in bytes
	 */
	public long frameBytes() {
		return this.frameBytes;
	}

	/**
	 * The limit that applied.
	 * @return the largest allowed size in bytes
	 */
	public long maxFrameBytes() {
		return this.maxFrameBytes;
	}

}
