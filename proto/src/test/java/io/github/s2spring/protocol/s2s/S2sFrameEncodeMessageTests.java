package io.github.s2spring.protocol.s2s;

import java.util.ArrayList;
import java.util.List;

import com.google.protobuf.ByteString;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.UnpooledByteBufAllocator;
import org.junit.jupiter.api.Test;
import s2.v1.AppendInput;
import s2.v1.AppendRecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for
 * {@link S2sFrameEncoder#encode(com.google.protobuf.MessageLite, boolean, ByteBufAllocator)}.
 */
class S2sFrameEncodeMessageTests {

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
	void anUncompressedMessageIsTheFrameOfItsBytesByteForByte() {
		AppendInput input = batch(1000, 1024);
		S2sFrameEncoder encoder = new S2sFrameEncoder(Compression.NONE);
		for (ByteBufAllocator allocator : List.of(ByteBufAllocator.DEFAULT, UnpooledByteBufAllocator.DEFAULT)) {
			ByteBuf direct = encoder.encode(input, false, allocator);
			ByteBuf reference = encoder.encode(new S2sFrame.Regular(input.toByteArray(), false),
					UnpooledByteBufAllocator.DEFAULT);
			try {
				assertThat(direct.readableBytes()).isEqualTo(reference.readableBytes());
				assertThat(ByteBufUtil.equals(direct, reference)).isTrue();
			}
			finally {
				reference.release();
			}
			assertThat(decode(direct)).containsExactly(new S2sFrame.Regular(input.toByteArray(), false));
		}
	}

	@Test
	void reconnectAdvisedIsFlagged() {
		AppendInput input = batch(2, 8);
		ByteBuf frame = new S2sFrameEncoder(Compression.NONE).encode(input, true, ByteBufAllocator.DEFAULT);

		assertThat((int) frame.getUnsignedByte(S2sFrame.LENGTH_PREFIX_BYTES))
			.isEqualTo(S2sFrame.RECONNECT_ADVISED_FLAG);
		assertThat(decode(frame)).containsExactly(new S2sFrame.Regular(input.toByteArray(), true));
	}

	@Test
	void compressedFramesRoundTripAndSmallOnesStayUncompressed() {
		S2sFrameEncoder zstd = new S2sFrameEncoder(Compression.ZSTD);
		AppendInput large = batch(100, 512);
		ByteBuf compressed = zstd.encode(large, false, ByteBufAllocator.DEFAULT);
		assertThat(compressed.readableBytes()).isLessThan(large.getSerializedSize());
		assertThat(decode(compressed)).containsExactly(new S2sFrame.Regular(large.toByteArray(), false));
		AppendInput small = batch(1, 16);
		ByteBuf frame = zstd.encode(small, false, ByteBufAllocator.DEFAULT);
		assertThat((int) frame.getUnsignedByte(S2sFrame.LENGTH_PREFIX_BYTES)).isEqualTo(Compression.NONE.flagBits());
		assertThat(decode(frame)).containsExactly(new S2sFrame.Regular(small.toByteArray(), false));
	}

	@Test
	void aMessageLargerThanAFrameIsATypedError() {
		AppendInput huge = batch(3, 1024 * 1024);
		S2sFrameEncoder encoder = new S2sFrameEncoder(Compression.NONE);

		assertThatExceptionOfType(S2sFrameException.class)
			.isThrownBy(() -> encoder.encode(huge, false, ByteBufAllocator.DEFAULT))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(S2sFrameException.Kind.FRAME_TOO_LARGE));
	}

	@Test
	void partOfAnArrayIsTheFrameOfThoseBytes() {
		byte[] payload = batch(3, 2000).toByteArray();
		byte[] padded = java.util.Arrays.copyOf(payload, payload.length + 100);
		for (Compression compression : Compression.values()) {
			ByteBuf frame = new S2sFrameEncoder(compression).encode(padded, payload.length, true,
					ByteBufAllocator.DEFAULT);
			assertThat(decode(frame)).containsExactly(new S2sFrame.Regular(payload, true));
		}
		ByteBuf small = new S2sFrameEncoder(Compression.GZIP).encode(padded, 10, false, ByteBufAllocator.DEFAULT);
		assertThat((int) small.getUnsignedByte(S2sFrame.LENGTH_PREFIX_BYTES)).isEqualTo(Compression.NONE.flagBits());
		assertThat(decode(small)).containsExactly(new S2sFrame.Regular(java.util.Arrays.copyOf(payload, 10), false));
	}

	@Test
	void aLengthBeyondTheArrayIsRejected() {
		S2sFrameEncoder encoder = new S2sFrameEncoder(Compression.NONE);

		assertThatExceptionOfType(IndexOutOfBoundsException.class)
			.isThrownBy(() -> encoder.encode(new byte[4], 5, false, ByteBufAllocator.DEFAULT));
		assertThatExceptionOfType(IndexOutOfBoundsException.class)
			.isThrownBy(() -> encoder.encode(new byte[4], -1, false, ByteBufAllocator.DEFAULT));
	}

}
