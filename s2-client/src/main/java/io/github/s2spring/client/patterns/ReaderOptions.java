package io.github.s2spring.client.patterns;

import io.github.s2spring.client.error.ValidationException;

/**
 * How a {@link MessageReader} reads messages.
 *
 * @param dedupe whether records a writer sent again are dropped ({@link DedupeFilter})
 * @param maxWriters how many writers the dedupe filter remembers
 * @param maxFrameBytes the largest message accepted; a larger frame header raises
 * {@link FrameSizeException}
 * @param maxOpenFrames how many writers may have a message in progress at once
 */
public record ReaderOptions(boolean dedupe, int maxWriters, long maxFrameBytes, int maxOpenFrames) {

	/** Default number of writers the dedupe filter remembers. */
	public static final int DEFAULT_MAX_WRITERS = 10_000;

	/** Default number of messages in progress at once. */
	public static final int DEFAULT_MAX_OPEN_FRAMES = 64;

	/**
	 * Checks the options.
	 * @param dedupe whether duplicates are dropped
	 * @param maxWriters writers remembered
	 * @param maxFrameBytes largest message
	 * @param maxOpenFrames messages in progress at once
	 */
	public ReaderOptions {
		if (maxWriters < 1) {
			throw new ValidationException("max writers", maxWriters, "must be at least 1");
		}
		if (maxFrameBytes < 1 || maxFrameBytes > Integer.MAX_VALUE - 8) {
			throw new ValidationException("max frame bytes", maxFrameBytes,
					"must be between 1 and " + (Integer.MAX_VALUE - 8));
		}
		if (maxOpenFrames < 1) {
			throw new ValidationException("max open frames", maxOpenFrames, "must be at least 1");
		}
	}

	/**
	 * Defaults: dedupe on, 10,000 writers, messages up to 100 MiB, 64 in progress.
	 * @return the defaults
	 */
	public static ReaderOptions defaults() {
		return new ReaderOptions(true, DEFAULT_MAX_WRITERS, PatternHeaders.DEFAULT_MAX_FRAME_BYTES,
				DEFAULT_MAX_OPEN_FRAMES);
	}

	/**
	 * These options with dedupe on or off.
	 * @param dedupe whether duplicates are dropped
	 * @return the new options
	 */
	public ReaderOptions withDedupe(boolean dedupe) {
		return new ReaderOptions(dedupe, this.maxWriters, this.maxFrameBytes, this.maxOpenFrames);
	}

	/**
	 * These options with another number of remembered writers.
	 * @param maxWriters writers remembered
	 * @return the new options
	 */
	public ReaderOptions withMaxWriters(int maxWriters) {
		return new ReaderOptions(this.dedupe, maxWriters, this.maxFrameBytes, this.maxOpenFrames);
	}

	/**
	 * These options with another largest message.
	 * @param maxFrameBytes largest message
	 * @return the new options
	 */
	public ReaderOptions withMaxFrameBytes(long maxFrameBytes) {
		return new ReaderOptions(this.dedupe, this.maxWriters, maxFrameBytes, this.maxOpenFrames);
	}

	/**
	 * These options with another number of messages in progress at once.
	 * @param maxOpenFrames messages in progress
	 * @return the new options
	 */
	public ReaderOptions withMaxOpenFrames(int maxOpenFrames) {
		return new ReaderOptions(this.dedupe, this.maxWriters, this.maxFrameBytes, maxOpenFrames);
	}

}
