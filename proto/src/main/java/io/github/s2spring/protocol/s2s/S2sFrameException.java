package io.github.s2spring.protocol.s2s;

import io.github.s2spring.protocol.S2ProtocolException;

/**
 * An S2S frame that cannot be encoded or decoded. {@link #kind()} says which rule was
 * broken.
 */
public final class S2sFrameException extends S2ProtocolException {

	private static final long serialVersionUID = 1L;

	private final Kind kind;

	public S2sFrameException(Kind kind, String message) {
		super(message);
		this.kind = kind;
	}

	public S2sFrameException(Kind kind, String message, Throwable cause) {
		super(message, cause);
		this.kind = kind;
	}

	/**
	 * The rule the frame broke.
	 * @return the kind of failure
	 */
	public Kind kind() {
		return this.kind;
	}

	/**
	 * The ways a frame can be malformed.
	 */
	public enum Kind {

		/** Declared or encoded length above {@link S2sFrame#MAX_FRAME_BYTES}. */
		FRAME_TOO_LARGE,

		/** A length prefix of zero: no flag byte. */
		EMPTY_FRAME,

		/** Compression bits {@code 11}. */
		UNKNOWN_COMPRESSION,

		/** A terminal frame with fewer than two payload bytes. */
		TERMINAL_WITHOUT_STATUS,

		/** A terminal frame body that is not valid UTF-8. */
		INVALID_UTF8,

		/** Compressed data that is truncated or corrupt. */
		CORRUPT_COMPRESSED_DATA,

		/** Compressed data that inflates beyond {@link S2sFrame#MAX_PAYLOAD_BYTES}. */
		DECOMPRESSED_TOO_LARGE,

		/** The input ended in the middle of a frame. */
		TRUNCATED

	}

}
