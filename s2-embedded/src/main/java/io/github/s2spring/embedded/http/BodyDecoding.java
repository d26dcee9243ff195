package io.github.s2spring.embedded.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import org.jspecify.annotations.Nullable;

import io.github.s2spring.embedded.error.ApiException;
import io.github.s2spring.protocol.error.ErrorCode;

/**
 * Undoes the {@code Content-Encoding} of a unary request body (gzip or zstd), never
 * producing more than a bounded number of bytes.
 */
final class BodyDecoding {

	private BodyDecoding() {
	}

	static byte[] decode(@Nullable String contentEncoding, byte[] body, int maxBytes) {
		String coding = (contentEncoding != null) ? contentEncoding.trim().toLowerCase(Locale.ROOT) : "identity";
		if (coding.isEmpty() || coding.equals("identity")) {
			return body;
		}
		if (!coding.equals("gzip") && !coding.equals("zstd")) {
			throw ApiException.of(ErrorCode.BAD_HEADER, "Unsupported content-encoding: " + contentEncoding);
		}
		try (InputStream in = coding.equals("gzip") ? new GZIPInputStream(new ByteArrayInputStream(body))
				: new ZstdInputStreamNoFinalizer(new ByteArrayInputStream(body))) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			byte[] buffer = new byte[16 * 1024];
			int read;
			while ((read = in.read(buffer)) >= 0) {
				out.write(buffer, 0, read);
				if (out.size() > maxBytes) {
					throw ApiException.of(ErrorCode.INVALID,
							"Decompressed request body exceeds " + maxBytes + " bytes");
				}
			}
			return out.toByteArray();
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof ApiException api) {
				throw api;
			}
			throw ApiException.of(ErrorCode.BAD_HEADER,
					"Request body does not match its content-encoding " + coding + ": " + ex.getMessage());
		}
	}

}
