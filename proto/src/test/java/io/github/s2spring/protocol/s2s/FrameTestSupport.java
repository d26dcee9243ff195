package io.github.s2spring.protocol.s2s;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;

/**
 * Helpers shared by the frame tests.
 */
final class FrameTestSupport {

	private FrameTestSupport() {
	}

	static byte[] hex(String hex) {
		return HexFormat.of().parseHex(hex.replace(" ", ""));
	}

	static String hex(byte[] bytes) {
		return HexFormat.of().formatHex(bytes);
	}

	static byte[] encode(S2sFrame frame, Compression compression) {
		ByteBuf buf = new S2sFrameEncoder(compression).encode(frame, UnpooledByteBufAllocator.DEFAULT);
		try {
			return ByteBufUtil.getBytes(buf);
		}
		finally {
			buf.release();
		}
	}

	static List<S2sFrame> decode(byte[]... reads) {
		S2sFrameDecoder decoder = new S2sFrameDecoder();
		List<S2sFrame> frames = new ArrayList<>();
		for (byte[] read : reads) {
			decoder.decode(Unpooled.wrappedBuffer(read), frames::add);
		}
		decoder.finish();
		return frames;
	}

}
