package io.github.s2spring.protocol.s2s;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdInputStreamNoFinalizer;

import io.github.s2spring.protocol.s2s.S2sFrameException.Kind;

/**
 * Compresses and decompresses frame payloads, never producing more than a bounded number
 * of bytes.
 */
final class PayloadCodec {

	private static final int INITIAL_OUTPUT_BYTES = 8 * 1024;

	private PayloadCodec() {
	}

	static byte[] compress(byte[] payload, Compression compression) {
		return switch (compression) {
			case NONE -> payload;
			case ZSTD -> Zstd.compress(payload, Zstd.defaultCompressionLevel());
			case GZIP -> gzip(payload);
		};
	}

	private static byte[] gzip(byte[] payload) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, payload.length / 2));
		try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192)) {
			gzip.write(payload);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * Decompresses {@code data}, failing as soon as the output would exceed
	 * {@code maxBytes}. Output memory grows with the bytes actually produced, never with
	 * a declared size.
	 */
	static byte[] decompress(byte[] data, Compression compression, int maxBytes) {
		if (compression == Compression.NONE) {
			return data;
		}
		try (InputStream in = open(data, compression)) {
			byte[] out = new byte[Math.min(maxBytes + 1, Math.max(INITIAL_OUTPUT_BYTES, data.length * 4))];
			int length = 0;
			while (true) {
				if (length == out.length) {
					if (length > maxBytes) {
						throw new S2sFrameException(Kind.DECOMPRESSED_TOO_LARGE,
								compression.token() + " payload inflates beyond the limit of " + maxBytes + " bytes");
					}
					out = Arrays.copyOf(out, Math.min(maxBytes + 1, out.length * 2));
				}
				int read = in.read(out, length, out.length - length);
				if (read < 0) {
					break;
				}
				length += read;
			}
			if (length > maxBytes) {
				throw new S2sFrameException(Kind.DECOMPRESSED_TOO_LARGE,
						compression.token() + " payload inflates beyond the limit of " + maxBytes + " bytes");
			}
			return (length == out.length) ? out : Arrays.copyOf(out, length);
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof S2sFrameException frameException) {
				throw frameException;
			}
			throw new S2sFrameException(Kind.CORRUPT_COMPRESSED_DATA,
					"Corrupt or truncated " + compression.token() + " payload: " + ex.getMessage(), ex);
		}
	}

	private static InputStream open(byte[] data, Compression compression) throws IOException {
		ByteArrayInputStream in = new ByteArrayInputStream(data);
		if (compression == Compression.GZIP) {
			return new GZIPInputStream(in, 8192);
		}
		ZstdInputStreamNoFinalizer zstd = new ZstdInputStreamNoFinalizer(in);
		zstd.setContinuous(false);
		return zstd;
	}

}
