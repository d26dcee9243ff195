package io.github.s2spring.embedded.records;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

import com.google.protobuf.ByteString;
import org.jspecify.annotations.Nullable;

import io.github.s2spring.embedded.error.ApiException;
import io.github.s2spring.protocol.error.ErrorCode;

/**
 * How record bytes appear in JSON ({@code s2-format}): {@code raw} UTF-8 strings or
 * {@code base64}.
 */
enum RecordFormat {

	/** Strings whose UTF-8 bytes are the record bytes; read back lossily. */
	RAW,

	/** Standard base64 with padding. */
	BASE64;

	static RecordFormat of(@Nullable String header) {
		if (header == null) {
			return RAW;
		}
		return switch (header.trim().toLowerCase(Locale.ROOT)) {
			case "raw", "json" -> RAW;
			case "base64", "json-binsafe" -> BASE64;
			default -> throw ApiException.of(ErrorCode.BAD_HEADER,
					"Invalid header `s2-format`: expected raw or base64, got \"" + header + "\"");
		};
	}

	ByteString decode(String text) {
		if (this == RAW) {
			return ByteString.copyFromUtf8(text);
		}
		try {
			return ByteString.copyFrom(Base64.getDecoder().decode(text));
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.of(ErrorCode.INVALID, "invalid Base64 encoding");
		}
	}

	String encode(ByteString bytes) {
		if (this == RAW) {
			return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
		}
		return Base64.getEncoder().encodeToString(bytes.toByteArray());
	}

}
