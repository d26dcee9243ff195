package io.github.s2spring.client.data;

import java.util.ArrayList;
import java.util.List;

import com.google.protobuf.ByteString;
import io.netty.buffer.ByteBuf;
import org.junit.jupiter.api.Test;
import s2.v1.AppendInput;
import s2.v1.AppendRecord;

import io.github.s2spring.protocol.s2s.Compression;
import io.github.s2spring.protocol.s2s.S2sFrame;
import io.github.s2spring.protocol.s2s.S2sFrameDecoder;
import io.github.s2spring.protocol.s2s.S2sFrameEncoder;

import static org.assertj.core.api.Assertions.assertThat;

class AppendFramesTests {

	private static AppendInput batch(int records, int bodyBytes) {
		AppendInput.Builder builder = AppendInput.newBuilder().setMatchSeqNum(7);
		for (int i = 0; i < records; i++) {
			byte[] body = new byte[bodyBytes];
			body[0] = (byte) i;
			builder.addRecords(AppendRecord.newBuilder().setBody(ByteString.copyFrom(body)));
		}
		return builder.build();
	}

	private static List<S2sFrame> decode(ByteBuf frame) {
		List<S2sFrame> frames = new ArrayList<>();
		try {
			new S2sFrameDecoder().decode(frame, frames::add);
		}
		finally {
			frame.release();
		}
		return frames;
	}

	@Test
	void anUncompressedFrameIsTheEncodersFrameByteForByte() {
		AppendInput input = batch(1000, 1024);
		S2sFrameEncoder encoder = new S2sFrameEncoder(Compression.NONE);
		ByteBuf direct = AppendFrames.encode(input, encoder);
		ByteBuf reference = encoder.encode(new S2sFrame.Regular(input.toByteArray(), false),
				io.netty.buffer.UnpooledByteBufAllocator.DEFAULT);
		try {
			assertThat(direct.readableBytes()).isEqualTo(reference.readableBytes());
			assertThat(io.netty.buffer.ByteBufUtil.equals(direct, reference)).isTrue();
		}
		finally {
			reference.release();
		}
		List<S2sFrame> frames = decode(direct);
		assertThat(frames).containsExactly(new S2sFrame.Regular(input.toByteArray(), false));
	}

	@Test
	void compressedFramesRoundTripAndSmallOnesStayUncompressed() {
		S2sFrameEncoder zstd = new S2sFrameEncoder(Compression.ZSTD);
		AppendInput large = batch(100, 512);
		assertThat(decode(AppendFrames.encode(large, zstd)))
			.containsExactly(new S2sFrame.Regular(large.toByteArray(), false));
		AppendInput small = batch(1, 16);
		ByteBuf frame = AppendFrames.encode(small, zstd);
		assertThat((int) frame.getUnsignedByte(S2sFrame.LENGTH_PREFIX_BYTES)).isEqualTo(Compression.NONE.flagBits());
		assertThat(decode(frame)).containsExactly(new S2sFrame.Regular(small.toByteArray(), false));
	}

}
