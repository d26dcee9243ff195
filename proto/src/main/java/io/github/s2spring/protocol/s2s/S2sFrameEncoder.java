package io.github.s2spring.protocol.s2s;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.MessageLite;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

import io.github.s2spring.protocol.s2s.S2sFrameException.Kind;

/**
 * Encodes S2S frames: a 3-byte big-endian length (flag byte plus payload), the flag byte,
 * then the payload. Regular payloads of at least
 * {@value S2sFrame#COMPRESSION_THRESHOLD_BYTES} bytes are compressed with the encoder's
 * compression; terminal frames never are. Thread-safe.
 */
public final class S2sFrameEncoder {

	private final Compression compression;

	/**
	 * Creates an encoder.
	 * @param compression the compression for regular payloads at or above the threshold
	 */
	public S2sFrameEncoder(Compression compression) {
		this.compression = compression;
	}

	/**
	 * The compression this encoder applies to large regular payloads.
	 * @return the compression
	 */
	public Compression compression() {
		return this.compression;
	}

	/**
	 * Encodes a frame into a new buffer.
	 * @param frame the frame
	 * @param allocator the allocator of the returned buffer
	 * @return a buffer holding exactly the encoded frame; the caller owns it
	 * @throws S2sFrameException if the frame would exceed
	 * {@value S2sFrame#MAX_FRAME_BYTES} bytes
	 */
	public ByteBuf encode(S2sFrame frame, ByteBufAllocator allocator) {
		if (frame instanceof S2sFrame.Regular regular) {
			return encode(regular.payload(), regular.payload().length, regular.reconnectAdvised(), allocator);
		}
		S2sFrame.Terminal terminal = (S2sFrame.Terminal) frame;
		byte[] body = terminal.body().getBytes(StandardCharsets.UTF_8);
		requireFits(2 + body.length, "terminal payload");
		ByteBuf out = start(2 + body.length, S2sFrame.TERMINAL_FLAG, allocator);
		out.writeShort(terminal.status());
		return out.writeBytes(body);
	}

	/**
	 * Encodes a protobuf message as a regular frame into a new buffer. An uncompressed
	 * payload is written straight into the buffer, without an intermediate array.
	 * @param message the message
	 * @param reconnectAdvised whether to set the reconnect-advised flag
	 * @param allocator the allocator of the returned buffer
	 * @return a buffer holding exactly the encoded frame; the caller owns it
	 * @throws S2sFrameException if the frame would exceed
	 * {@value S2sFrame#MAX_FRAME_BYTES} bytes
	 */
	public ByteBuf encode(MessageLite message, boolean reconnectAdvised, ByteBufAllocator allocator) {
		int size = message.getSerializedSize();
		requireFits(size, "payload");
		if (compresses(size)) {
			byte[] bytes = message.toByteArray();
			return encode(bytes, bytes.length, reconnectAdvised, allocator);
		}
		ByteBuf out = start(size, Compression.NONE.flagBits() | advisedFlag(reconnectAdvised), allocator);
		try {
			CodedOutputStream coded = CodedOutputStream.newInstance(out.nioBuffer(out.writerIndex(), size));
			message.writeTo(coded);
			coded.flush();
			coded.checkNoSpaceLeft();
			return out.writerIndex(out.writerIndex() + size);
		}
		catch (IOException | RuntimeException ex) {
			out.release();
			throw new IllegalStateException("Cannot encode " + message.getClass().getSimpleName(), ex);
		}
	}

	/**
	 * Encodes part of an array as the payload of a regular frame, into a new buffer: the
	 * payload is copied once, or compressed when it reaches the threshold.
	 * @param payload the array holding the payload
	 * @param length the payload's length, from the array's start
	 * @param reconnectAdvised whether to set the reconnect-advised flag
	 * @param allocator the allocator of the returned buffer
	 * @return a buffer holding exactly the encoded frame; the caller owns it
	 * @throws S2sFrameException if the frame would exceed
	 * {@value S2sFrame#MAX_FRAME_BYTES} bytes
	 */
	public ByteBuf encode(byte[] payload, int length, boolean reconnectAdvised, ByteBufAllocator allocator) {
		if (length < 0 || length > payload.length) {
			throw new IndexOutOfBoundsException("length " + length + " of an array of " + payload.length);
		}
		requireFits(length, "payload");
		if (compresses(length)) {
			byte[] exact = (length == payload.length) ? payload : Arrays.copyOf(payload, length);
			byte[] body = PayloadCodec.compress(exact, this.compression);
			requireFits(body.length, "compressed payload");
			return start(body.length, this.compression.flagBits() | advisedFlag(reconnectAdvised), allocator)
				.writeBytes(body);
		}
		return start(length, Compression.NONE.flagBits() | advisedFlag(reconnectAdvised), allocator).writeBytes(payload,
				0, length);
	}

	/**
	 * Encodes the remaining bytes of a buffer as the payload of a regular frame, into a
	 * new buffer: the payload is copied once, or compressed when it reaches the
	 * threshold. The buffer's position does not move.
	 * @param payload the payload
	 * @param reconnectAdvised whether to set the reconnect-advised flag
	 * @param allocator the allocator of the returned buffer
	 * @return a buffer holding exactly the encoded frame; the caller owns it
	 * @throws S2sFrameException if the frame would exceed
	 * {@value S2sFrame#MAX_FRAME_BYTES} bytes
	 */
	public ByteBuf encode(ByteBuffer payload, boolean reconnectAdvised, ByteBufAllocator allocator) {
		int length = payload.remaining();
		requireFits(length, "payload");
		if (compresses(length)) {
			byte[] bytes = new byte[length];
			payload.duplicate().get(bytes);
			return encode(bytes, length, reconnectAdvised, allocator);
		}
		return start(length, Compression.NONE.flagBits() | advisedFlag(reconnectAdvised), allocator)
			.writeBytes(payload.duplicate());
	}

	private boolean compresses(int payloadLength) {
		return this.compression != Compression.NONE && payloadLength >= S2sFrame.COMPRESSION_THRESHOLD_BYTES;
	}

	private static int advisedFlag(boolean reconnectAdvised) {
		return reconnectAdvised ? S2sFrame.RECONNECT_ADVISED_FLAG : 0;
	}

	/**
	 * A buffer of exactly one frame's size, holding its length prefix and flag byte.
	 */
	private static ByteBuf start(int payloadLength, int flag, ByteBufAllocator allocator) {
		int total = S2sFrame.LENGTH_PREFIX_BYTES + 1 + payloadLength;
		ByteBuf out = allocator.buffer(total, total);
		out.writeMedium(1 + payloadLength);
		out.writeByte(flag);
		return out;
	}

	private static void requireFits(int payloadLength, String what) {
		if (payloadLength > S2sFrame.MAX_PAYLOAD_BYTES) {
			throw new S2sFrameException(Kind.FRAME_TOO_LARGE, "Frame " + what + " of " + payloadLength
					+ " bytes exceeds the limit of " + S2sFrame.MAX_PAYLOAD_BYTES + " bytes");
		}
	}

}
