package io.github.s2spring.protocol.s2s;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import com.github.luben.zstd.Zstd;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.github.s2spring.protocol.s2s.S2sFrameException.Kind;

import static io.github.s2spring.protocol.s2s.FrameTestSupport.decode;
import static io.github.s2spring.protocol.s2s.FrameTestSupport.encode;
import static io.github.s2spring.protocol.s2s.FrameTestSupport.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Encoding and decoding rules of S2S frames: compression, limits and every malformed
 * input.
 */
class S2sFrameCodecTests {

	@ParameterizedTest
	@EnumSource(value = Compression.class, names = { "GZIP", "ZSTD" })
	void payloadsBelowTheThresholdAreNeverCompressed(Compression compression) {
		byte[] encoded = encode(new S2sFrame.Regular(new byte[1023], false), compression);
		assertThat(encoded[3]).isZero();
		assertThat(encoded).hasSize(3 + 1 + 1023);
	}

	@ParameterizedTest
	@EnumSource(value = Compression.class, names = { "GZIP", "ZSTD" })
	void payloadsAtTheThresholdAreCompressedAndRoundTrip(Compression compression) {
		byte[] payload = new byte[1024];
		Arrays.fill(payload, (byte) 'a');
		byte[] encoded = encode(new S2sFrame.Regular(payload, false), compression);
		assertThat(encoded[3] & 0xFF).isEqualTo(compression.flagBits());
		assertThat(encoded.length).isLessThan(1024);
		assertThat(decode(encoded)).containsExactly(new S2sFrame.Regular(payload, false));
	}

	@Test
	void gzipPayloadIsAStandardGzipStream() {
		byte[] encoded = encode(new S2sFrame.Regular(new byte[2048], false), Compression.GZIP);
		assertThat(encoded[4] & 0xFF).isEqualTo(0x1f);
		assertThat(encoded[5] & 0xFF).isEqualTo(0x8b);
	}

	@Test
	void terminalFramesAreNeverCompressed() {
		String body = "{\"code\":\"invalid\",\"message\":\"" + "x".repeat(2000) + "\"}";
		byte[] encoded = encode(new S2sFrame.Terminal(422, body), Compression.ZSTD);
		assertThat(encoded[3] & 0xFF).isEqualTo(0x80);
		assertThat(decode(encoded)).containsExactly(new S2sFrame.Terminal(422, body));
	}

	@Test
	void reconnectAdvisedBitIsWrittenAndRead() {
		byte[] encoded = encode(new S2sFrame.Regular(new byte[] { 1 }, true), Compression.NONE);
		assertThat(hex(encoded)).isEqualTo("0000021001");
		assertThat(decode(encoded)).containsExactly(new S2sFrame.Regular(new byte[] { 1 }, true));
	}

	@Test
	void reservedBitsAreIgnoredOnDecode() {
		assertThat(decode(hex("0000020f07"))).containsExactly(new S2sFrame.Regular(new byte[] { 7 }, false));
	}

	@Test
	void terminalFrameIgnoresCompressionAndReconnectBits() {
		assertThat(decode(hex("000003f001f4"))).containsExactly(new S2sFrame.Terminal(500, ""));
	}

	@Test
	void largestPayloadIsAccepted() {
		byte[] payload = new byte[S2sFrame.MAX_PAYLOAD_BYTES];
		byte[] encoded = encode(new S2sFrame.Regular(payload, false), Compression.NONE);
		assertThat(hex(Arrays.copyOf(encoded, 4))).isEqualTo("20000000");
		assertThat(decode(encoded)).containsExactly(new S2sFrame.Regular(payload, false));
	}

	@Test
	void encoderRefusesPayloadsOverTheLimit() {
		S2sFrame frame = new S2sFrame.Regular(new byte[S2sFrame.MAX_FRAME_BYTES], false);
		S2sFrameException ex = catchThrowableOfType(S2sFrameException.class, () -> encode(frame, Compression.NONE));
		assertThat(ex.kind()).isEqualTo(Kind.FRAME_TOO_LARGE);
		assertThat(ex).hasMessageContaining("2097152 bytes").hasMessageContaining("2097151");
	}

	@Test
	void encoderRefusesCompressedPayloadsOverTheLimit() {
		byte[] random = new byte[S2sFrame.MAX_PAYLOAD_BYTES];
		new java.util.Random(7).nextBytes(random);
		S2sFrame frame = new S2sFrame.Regular(random, false);
		assertThatExceptionOfType(S2sFrameException.class).isThrownBy(() -> encode(frame, Compression.GZIP))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.FRAME_TOO_LARGE));
	}

	@Test
	void encoderRefusesTerminalFramesOverTheLimit() {
		S2sFrame frame = new S2sFrame.Terminal(500, "x".repeat(S2sFrame.MAX_PAYLOAD_BYTES - 1));
		assertThatExceptionOfType(S2sFrameException.class).isThrownBy(() -> encode(frame, Compression.NONE))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.FRAME_TOO_LARGE));
	}

	@Test
	void terminalStatusMustFitInSixteenBits() {
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> new S2sFrame.Terminal(70000, ""));
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> new S2sFrame.Terminal(-1, ""));
	}

	@Test
	void framesSplitIntoSingleBytesDecode() {
		byte[] one = encode(new S2sFrame.Regular("first".getBytes(), false), Compression.NONE);
		byte[] two = encode(new S2sFrame.Terminal(503, "{}"), Compression.NONE);
		byte[] all = concat(one, two);
		byte[][] reads = new byte[all.length][];
		for (int i = 0; i < all.length; i++) {
			reads[i] = new byte[] { all[i] };
		}
		assertThat(decode(reads)).containsExactly(new S2sFrame.Regular("first".getBytes(), false),
				new S2sFrame.Terminal(503, "{}"));
	}

	@Test
	void severalFramesInOneReadDecode() {
		List<S2sFrame> expected = new ArrayList<>();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (int i = 0; i < 50; i++) {
			S2sFrame frame = new S2sFrame.Regular(new byte[i * 97], i % 3 == 0);
			expected.add(frame);
			out.writeBytes(encode(frame, Compression.ZSTD));
		}
		assertThat(decode(out.toByteArray())).containsExactlyElementsOf(expected);
	}

	@Test
	void zeroLengthIsRejected() {
		assertDecodeFails(hex("000000"), Kind.EMPTY_FRAME);
	}

	@Test
	void declaredLengthOverTheLimitIsRejectedBeforeBuffering() {
		S2sFrameDecoder decoder = new S2sFrameDecoder();
		S2sFrameException ex = catchThrowableOfType(S2sFrameException.class,
				() -> decoder.decode(Unpooled.wrappedBuffer(hex("200001")), (frame) -> {
				}));
		assertThat(ex.kind()).isEqualTo(Kind.FRAME_TOO_LARGE);
		assertThat(ex).hasMessageContaining("2097153");
	}

	@Test
	void compressionBitsElevenAreRejected() {
		assertDecodeFails(hex("0000026001"), Kind.UNKNOWN_COMPRESSION);
	}

	@Test
	void terminalFrameWithoutStatusIsRejected() {
		assertDecodeFails(hex("00000180"), Kind.TERMINAL_WITHOUT_STATUS);
		assertDecodeFails(hex("0000028001"), Kind.TERMINAL_WITHOUT_STATUS);
	}

	@Test
	void terminalFrameWithInvalidUtf8IsRejected() {
		assertDecodeFails(hex("00000580" + "01f4" + "c328"), Kind.INVALID_UTF8);
	}

	@ParameterizedTest
	@EnumSource(value = Compression.class, names = { "GZIP", "ZSTD" })
	void truncatedCompressedDataIsRejected(Compression compression) {
		byte[] payload = new byte[4096];
		new java.util.Random(1).nextBytes(payload);
		byte[] compressed = (compression == Compression.GZIP) ? gzip(payload) : Zstd.compress(payload);
		byte[] truncated = Arrays.copyOf(compressed, compressed.length / 2);
		assertDecodeFails(frame(compression.flagBits(), truncated), Kind.CORRUPT_COMPRESSED_DATA);
	}

	@ParameterizedTest
	@EnumSource(value = Compression.class, names = { "GZIP", "ZSTD" })
	void corruptCompressedDataIsRejected(Compression compression) {
		assertDecodeFails(frame(compression.flagBits(), "definitely not compressed".getBytes()),
				Kind.CORRUPT_COMPRESSED_DATA);
	}

	@ParameterizedTest
	@EnumSource(value = Compression.class, names = { "GZIP", "ZSTD" })
	void compressionBombsAreStoppedAtTheLimit(Compression compression) {
		byte[] zeros = new byte[3 * 1024 * 1024];
		byte[] compressed = (compression == Compression.GZIP) ? gzip(zeros) : Zstd.compress(zeros);
		assertThat(compressed.length).isLessThan(S2sFrame.MAX_PAYLOAD_BYTES);
		assertDecodeFails(frame(compression.flagBits(), compressed), Kind.DECOMPRESSED_TOO_LARGE);
	}

	@Test
	void decompressedPayloadOfExactlyTheLimitIsAccepted() {
		byte[] zeros = new byte[S2sFrame.MAX_PAYLOAD_BYTES];
		assertThat(decode(frame(Compression.GZIP.flagBits(), gzip(zeros))))
			.containsExactly(new S2sFrame.Regular(zeros, false));
	}

	@Test
	void decoderStaysFailedAfterAnError() {
		S2sFrameDecoder decoder = new S2sFrameDecoder();
		assertThatExceptionOfType(S2sFrameException.class)
			.isThrownBy(() -> decoder.decode(Unpooled.wrappedBuffer(hex("000000")), (frame) -> {
			}));
		assertThatExceptionOfType(S2sFrameException.class)
			.isThrownBy(() -> decoder.decode(Unpooled.wrappedBuffer(hex("0000020001")), (frame) -> {
			}))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.EMPTY_FRAME));
		assertThatExceptionOfType(S2sFrameException.class).isThrownBy(decoder::finish);
	}

	@Test
	void endOfStreamInsideAFrameIsReportedAsTruncated() {
		S2sFrameDecoder decoder = new S2sFrameDecoder();
		decoder.decode(Unpooled.wrappedBuffer(hex("00000a000a07")), (frame) -> {
		});
		assertThat(decoder.hasPartialFrame()).isTrue();
		assertThatExceptionOfType(S2sFrameException.class).isThrownBy(decoder::finish)
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.TRUNCATED))
			.withMessageContaining("6 bytes");
	}

	@Test
	void cleanEndOfStreamFinishesQuietly() {
		S2sFrameDecoder decoder = new S2sFrameDecoder();
		decoder.decode(Unpooled.wrappedBuffer(hex("0000020001")), (frame) -> {
		});
		assertThat(decoder.hasPartialFrame()).isFalse();
		decoder.finish();
	}

	@Test
	void regularFrameDescribesItself() {
		S2sFrame.Regular frame = new S2sFrame.Regular(new byte[40], true);
		assertThat(frame.toString()).contains("40 bytes").contains("...").contains("reconnect advised");
		assertThat(frame).isEqualTo(new S2sFrame.Regular(new byte[40], true))
			.hasSameHashCodeAs(new S2sFrame.Regular(new byte[40], true))
			.isNotEqualTo(new S2sFrame.Regular(new byte[40], false))
			.isNotEqualTo("frame");
		assertThat(new S2sFrame.Regular(new byte[] { 1 }, false).toString()).isEqualTo("Regular[1 bytes 01]");
	}

	@Test
	void encoderReportsItsCompression() {
		assertThat(new S2sFrameEncoder(Compression.GZIP).compression()).isEqualTo(Compression.GZIP);
	}

	private static void assertDecodeFails(byte[] bytes, Kind kind) {
		S2sFrameException ex = catchThrowableOfType(S2sFrameException.class, () -> decode(bytes));
		assertThat(ex).as("decoding %s", hex(bytes)).isNotNull();
		assertThat(ex.kind()).isEqualTo(kind);
	}

	static byte[] frame(int flag, byte[] payload) {
		int length = payload.length + 1;
		byte[] frame = new byte[3 + length];
		frame[0] = (byte) (length >>> 16);
		frame[1] = (byte) (length >>> 8);
		frame[2] = (byte) length;
		frame[3] = (byte) flag;
		System.arraycopy(payload, 0, frame, 4, payload.length);
		return frame;
	}

	static byte[] gzip(byte[] data) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(data);
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
		return out.toByteArray();
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] all = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, all, a.length, b.length);
		return all;
	}

}
