package io.github.s2spring.protocol.s2s;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

import io.netty.buffer.ByteBuf;
import org.jspecify.annotations.Nullable;

import io.github.s2spring.protocol.s2s.S2sFrameException.Kind;

/**
 * Incremental S2S frame decoder. Feed it the bytes of one stream as they arrive, in any
 * split; it emits every complete frame and keeps at most one partial frame, never more
 * than {@code 3 + }{@value S2sFrame#MAX_FRAME_BYTES} bytes. Lengths are checked before
 * anything is buffered or inflated. After the first error the decoder stays failed. Not
 * thread-safe: use one per stream.
 */
public final class S2sFrameDecoder {

	private final byte[] header = new byte[S2sFrame.LENGTH_PREFIX_BYTES + 1];

	private int headerLength;

	private static final int INITIAL_PAYLOAD_BYTES = 64 * 1024;

	private static final byte[] EMPTY = new byte[0];

	private byte[] payload = EMPTY;

	private int expectedLength;

	private int payloadLength;

	private @Nullable S2sFrameException failure;

	/**
	 * Creates a decoder with no partial frame.
	 */
	public S2sFrameDecoder() {
	}

	/**
	 * Decodes as many frames as {@code in} completes, reading all of its readable bytes.
	 * @param in the next bytes of the stream; its reader index is advanced, it is not
	 * released
	 * @param frames receives each decoded frame in order
	 * @throws S2sFrameException if the bytes do not form valid frames
	 */
	public void decode(ByteBuf in, Consumer<? super S2sFrame> frames) {
		if (this.failure != null) {
			throw this.failure;
		}
		try {
			while (in.isReadable()) {
				S2sFrame frame = next(in);
				if (frame != null) {
					frames.accept(frame);
				}
			}
		}
		catch (S2sFrameException ex) {
			this.failure = ex;
			in.skipBytes(in.readableBytes());
			throw ex;
		}
	}

	/**
	 * Whether bytes of an unfinished frame are buffered.
	 * @return {@code true} if the stream stopped in the middle of a frame
	 */
	public boolean hasPartialFrame() {
		return this.headerLength > 0;
	}

	/**
	 * Signals the end of the stream.
	 * @throws S2sFrameException of kind {@link Kind#TRUNCATED} if a frame was left
	 * unfinished
	 */
	public void finish() {
		if (this.failure == null && hasPartialFrame()) {
			int buffered = this.headerLength + this.payloadLength;
			reset();
			this.failure = new S2sFrameException(Kind.TRUNCATED,
					"Stream ended in the middle of a frame after " + buffered + " bytes");
		}
		if (this.failure != null) {
			throw this.failure;
		}
	}

	private @Nullable S2sFrame next(ByteBuf in) {
		if (this.headerLength < this.header.length) {
			int take = Math.min(this.header.length - this.headerLength, in.readableBytes());
			in.readBytes(this.header, this.headerLength, take);
			this.headerLength += take;
			if (this.headerLength < S2sFrame.LENGTH_PREFIX_BYTES) {
				return null;
			}
			int length = length();
			if (length == 0) {
				throw new S2sFrameException(Kind.EMPTY_FRAME, "Frame length prefix is 0: a frame needs a flag byte");
			}
			if (length > S2sFrame.MAX_FRAME_BYTES) {
				throw new S2sFrameException(Kind.FRAME_TOO_LARGE, "Frame length " + length
						+ " exceeds the decode limit of " + S2sFrame.MAX_FRAME_BYTES + " bytes");
			}
			if (this.headerLength < this.header.length) {
				return null;
			}
			this.expectedLength = length - 1;
			this.payloadLength = 0;
		}
		int take = Math.min(this.expectedLength - this.payloadLength, in.readableBytes());
		ensureCapacity(this.payloadLength + take);
		in.readBytes(this.payload, this.payloadLength, take);
		this.payloadLength += take;
		if (this.payloadLength < this.expectedLength) {
			return null;
		}
		int flag = this.header[S2sFrame.LENGTH_PREFIX_BYTES] & 0xFF;
		byte[] body = (this.payload.length == this.expectedLength) ? this.payload
				: Arrays.copyOf(this.payload, this.expectedLength);
		reset();
		return frame(flag, body);
	}

	/**
	 * Grows the payload buffer with the bytes that actually arrived, so that a declared
	 * length alone never allocates more than {@value #INITIAL_PAYLOAD_BYTES} bytes.
	 */
	private void ensureCapacity(int needed) {
		if (needed <= this.payload.length) {
			return;
		}
		if (needed == this.expectedLength && this.payloadLength == 0) {
			this.payload = new byte[needed];
			return;
		}
		// Grow fourfold: few copies for large frames, and never more than four times the
		// bytes
		// that actually arrived. The last step is the exact declared length, so a
		// complete
		// payload needs no final trim.
		int capacity = Math.max(needed,
				Math.min(this.expectedLength, Math.max(INITIAL_PAYLOAD_BYTES, this.payload.length * 4)));
		this.payload = Arrays.copyOf(this.payload, capacity);
	}

	private int length() {
		return ((this.header[0] & 0xFF) << 16) | ((this.header[1] & 0xFF) << 8) | (this.header[2] & 0xFF);
	}

	private void reset() {
		this.headerLength = 0;
		this.payload = EMPTY;
		this.expectedLength = 0;
		this.payloadLength = 0;
	}

	private static S2sFrame frame(int flag, byte[] body) {
		if ((flag & S2sFrame.TERMINAL_FLAG) != 0) {
			if (body.length < 2) {
				throw new S2sFrameException(Kind.TERMINAL_WITHOUT_STATUS,
						"Terminal frame has " + body.length + " payload bytes: it needs a 2-byte status code");
			}
			int status = ((body[0] & 0xFF) << 8) | (body[1] & 0xFF);
			return new S2sFrame.Terminal(status, utf8(body));
		}
		Compression compression = switch (flag & Compression.MASK) {
			case 0x00 -> Compression.NONE;
			case 0x20 -> Compression.ZSTD;
			case 0x40 -> Compression.GZIP;
			default -> throw new S2sFrameException(Kind.UNKNOWN_COMPRESSION,
					"Unknown compression algorithm: flag byte 0x" + Integer.toHexString(flag));
		};
		byte[] payload = PayloadCodec.decompress(body, compression, S2sFrame.MAX_PAYLOAD_BYTES);
		return new S2sFrame.Regular(payload, (flag & S2sFrame.RECONNECT_ADVISED_FLAG) != 0);
	}

	private static String utf8(byte[] body) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(body, 2, body.length - 2))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new S2sFrameException(Kind.INVALID_UTF8, "Terminal frame body is not valid UTF-8", ex);
		}
	}

}
