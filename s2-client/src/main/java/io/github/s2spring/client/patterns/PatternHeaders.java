package io.github.s2spring.client.patterns;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import io.github.s2spring.protocol.limits.Limits;
import io.github.s2spring.protocol.limits.MeteredSize;

/**
 * The reserved record headers and sizes of the patterns wire format, as defined by
 * {@code @s2-dev/streamstore-patterns} 2.1.4. Every numeric value is an unsigned 64-bit
 * integer written as 8 bytes, big-endian.
 */
final class PatternHeaders {

	/** Number of records of a message; on its first record only. */
	public static final String FRAME_RECORDS = "_frame_records";

	/** Total body bytes of a message; on its first record only. */
	public static final String FRAME_BYTES = "_frame_bytes";

	/** Per-record dedupe sequence, consecutive across the records of one writer. */
	public static final String DEDUPE_SEQ = "_dedupe_seq";

	/** The writer's id (UTF-8 text) on every record carrying {@link #DEDUPE_SEQ}. */
	public static final String WRITER_ID = "_writer_id";

	/** Bytes of every u64 header value. */
	public static final int U64_BYTES = 8;

	/** Length of the writer ids the TypeScript writer creates (nanoid). */
	public static final int DEFAULT_WRITER_ID_CHARS = 12;

	/**
	 * Largest chunk body: 1 MiB minus the metered overhead of a record carrying all four
	 * headers with a 12-byte writer id, that is {@value} bytes.
	 */
	public static final int MAX_CHUNK_BODY_BYTES = 1_048_477;

	/** Default largest message: 100 MiB. */
	public static final long DEFAULT_MAX_FRAME_BYTES = 100L * 1024 * 1024;

	static final ByteBuffer FRAME_RECORDS_NAME = utf8(FRAME_RECORDS);

	static final ByteBuffer FRAME_BYTES_NAME = utf8(FRAME_BYTES);

	static final ByteBuffer DEDUPE_SEQ_NAME = utf8(DEDUPE_SEQ);

	static final ByteBuffer WRITER_ID_NAME = utf8(WRITER_ID);

	private PatternHeaders() {
	}

	/**
	 * Metered bytes of a record's headers and fixed overhead, without its body.
	 * @param dedupe whether the record carries the dedupe headers
	 * @param writerIdBytes the UTF-8 length of the writer id
	 * @return the metered overhead of a first chunk
	 */
	static long firstChunkOverhead(boolean dedupe, int writerIdBytes) {
		long headerBytes = FRAME_RECORDS_NAME.remaining() + U64_BYTES + FRAME_BYTES_NAME.remaining() + U64_BYTES;
		int headers = 2;
		if (dedupe) {
			headerBytes += DEDUPE_SEQ_NAME.remaining() + U64_BYTES + WRITER_ID_NAME.remaining() + writerIdBytes;
			headers += 2;
		}
		return MeteredSize.of(headers, headerBytes, 0);
	}

	/**
	 * The largest chunk body that keeps a first chunk within S2's record limit.
	 * @param dedupe whether records carry the dedupe headers
	 * @param writerId the writer id
	 * @return the largest chunk size in bytes
	 */
	static int maxChunkBytes(boolean dedupe, String writerId) {
		int idBytes = writerId.getBytes(StandardCharsets.UTF_8).length;
		return (int) (Limits.MAX_RECORD_METERED_BYTES - firstChunkOverhead(dedupe, idBytes));
	}

	/**
	 * Whether a header name is one of the four reserved names.
	 * @param name the name
	 * @return whether the patterns own it
	 */
	static boolean isReserved(ByteBuffer name) {
		return name.equals(FRAME_RECORDS_NAME) || name.equals(FRAME_BYTES_NAME) || name.equals(DEDUPE_SEQ_NAME)
				|| name.equals(WRITER_ID_NAME);
	}

	/**
	 * Encodes an unsigned 64-bit value as 8 bytes, big-endian.
	 * @param value the value, read as unsigned
	 * @return the 8 bytes
	 */
	static ByteBuffer encodeU64(long value) {
		byte[] bytes = new byte[U64_BYTES];
		for (int i = U64_BYTES - 1; i >= 0; i--) {
			bytes[i] = (byte) value;
			value >>>= 8;
		}
		return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
	}

	/**
	 * Decodes 8 big-endian bytes as an unsigned 64-bit value.
	 * @param name the header name, for the error message
	 * @param value the header value
	 * @return the value; read it as unsigned
	 * @throws MalformedHeaderException if the value is not exactly 8 bytes
	 */
	static long decodeU64(String name, ByteBuffer value) {
		if (value.remaining() != U64_BYTES) {
			throw new MalformedHeaderException(name, value.remaining());
		}
		return value.getLong(value.position());
	}

	private static ByteBuffer utf8(String text) {
		return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)).asReadOnlyBuffer();
	}

}
