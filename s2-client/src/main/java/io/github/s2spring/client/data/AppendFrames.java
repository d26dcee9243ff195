package io.github.s2spring.client.data;

import java.io.IOException;

import com.google.protobuf.CodedOutputStream;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import s2.v1.AppendInput;

import io.github.s2spring.protocol.s2s.Compression;
import io.github.s2spring.protocol.s2s.S2sFrame;
import io.github.s2spring.protocol.s2s.S2sFrameEncoder;

/**
 * Encodes append batches as S2S frames. An uncompressed frame is written straight into
 * one pooled direct buffer (no intermediate byte array, no second copy); a compressed one
 * goes through the {@link S2sFrameEncoder}.
 */
final class AppendFrames {

	private AppendFrames() {
	}

	/**
	 * Encodes a batch as one S2S frame.
	 * @param input the batch, already validated (at most 1 MiB metered, far below the 2
	 * MiB frame limit)
	 * @param encoder the session's encoder, whose compression applies
	 * @return the frame; the caller owns it
	 */
	static ByteBuf encode(AppendInput input, S2sFrameEncoder encoder) {
		int size = input.getSerializedSize();
		if (encoder.compression() != Compression.NONE && size >= S2sFrame.COMPRESSION_THRESHOLD_BYTES) {
			return encoder.encode(new S2sFrame.Regular(input.toByteArray(), false), ByteBufAllocator.DEFAULT);
		}
		int total = S2sFrame.LENGTH_PREFIX_BYTES + 1 + size;
		ByteBuf out = ByteBufAllocator.DEFAULT.directBuffer(total, total);
		try {
			out.writeMedium(1 + size);
			out.writeByte(Compression.NONE.flagBits());
			CodedOutputStream coded = CodedOutputStream.newInstance(out.nioBuffer(out.writerIndex(), size));
			input.writeTo(coded);
			coded.checkNoSpaceLeft();
			out.writerIndex(total);
			return out;
		}
		catch (IOException | RuntimeException ex) {
			out.release();
			throw new IllegalStateException("Cannot encode the batch: " + ex.getMessage(), ex);
		}
	}

}
