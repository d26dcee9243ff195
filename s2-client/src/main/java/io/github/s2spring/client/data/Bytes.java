package io.github.s2spring.client.data;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.github.s2spring.protocol.limits.MeteredSize;

/**
 * Reading byte views without moving them, and metering records.
 */
final class Bytes {

	private Bytes() {
	}

	/**
	 * The remaining bytes decoded as UTF-8, malformed input replaced.
	 */
	static String text(ByteBuffer bytes) {
		return StandardCharsets.UTF_8.decode(bytes.duplicate()).toString();
	}

	/**
	 * A copy of the remaining bytes.
	 */
	static byte[] array(ByteBuffer bytes) {
		byte[] copy = new byte[bytes.remaining()];
		bytes.duplicate().get(copy);
		return copy;
	}

	/**
	 * The metered size of a record with these headers and body.
	 */
	static long metered(List<Header> headers, ByteBuffer body) {
		long headerBytes = 0;
		for (Header header : headers) {
			headerBytes += header.bytes();
		}
		return MeteredSize.of(headers.size(), headerBytes, body.remaining());
	}

	/**
	 * Whether these are the headers of a command record: one header with an empty name.
	 */
	static boolean isCommand(List<Header> headers) {
		return headers.size() == 1 && !headers.get(0).nameView().hasRemaining();
	}

}
