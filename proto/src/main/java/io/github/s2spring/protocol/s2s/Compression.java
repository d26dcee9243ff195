package io.github.s2spring.protocol.s2s;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Per-frame compression of S2S payloads, as carried in bits 6-5 of the flag byte.
 */
public enum Compression {

	/** No compression. */
	NONE(0x00, null),

	/** A standard zstd frame. */
	ZSTD(0x20, "zstd"),

	/** A standard gzip (RFC 1952) stream. */
	GZIP(0x40, "gzip");

	/** Mask of the compression bits in the flag byte. */
	public static final int MASK = 0x60;

	private final int flagBits;

	private final @Nullable String token;

	Compression(int flagBits, @Nullable String token) {
		this.flagBits = flagBits;
		this.token = token;
	}

	/**
	 * The bits this compression sets in the flag byte.
	 * @return the flag bits
	 */
	public int flagBits() {
		return this.flagBits;
	}

	/**
	 * The content-coding token used in {@code Accept-Encoding}, or {@code null} for
	 * {@link #NONE}.
	 * @return the token
	 */
	public @Nullable String token() {
		return this.token;
	}

	/**
	 * Chooses the compression a server uses for the frames it sends, from the client's
	 * {@code Accept-Encoding} header: zstd if listed anywhere, else gzip, else none.
	 * Parameters after {@code ;} are ignored and tokens are case-insensitive.
	 * @param acceptEncoding the header value, possibly {@code null}
	 * @return the compression to use
	 */
	public static Compression negotiate(@Nullable String acceptEncoding) {
		if (acceptEncoding == null) {
			return NONE;
		}
		boolean gzip = false;
		for (String part : acceptEncoding.split(",")) {
			int semicolon = part.indexOf(';');
			String token = ((semicolon >= 0) ? part.substring(0, semicolon) : part).trim().toLowerCase(Locale.ROOT);
			if (token.equals("zstd")) {
				return ZSTD;
			}
			gzip |= token.equals("gzip");
		}
		return gzip ? GZIP : NONE;
	}

}
