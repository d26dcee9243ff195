package io.github.s2spring.protocol.s2s;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import io.netty.buffer.Unpooled;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any sequence of frames, encoded with any compression and split into reads anywhere,
 * decodes to the same frames: 300 cases drawn from seeded random inputs (1 to 12 frames,
 * regular ones five times as often as terminal ones, small, repetitive and random
 * payloads, up to 20 cuts of 1 to 5000 bytes). A failure names its seed;
 * {@code new Random(seed)} draws the same case again.
 */
class S2sFramePropertyTests {

	static LongStream seeds() {
		return new SplittableRandom(0x5EED_0002L).longs(300);
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void framesSurviveAnyCompressionAndAnySplit(long seed) {
		Random random = new Random(seed);
		List<S2sFrame> frames = new ArrayList<>();
		int count = 1 + random.nextInt(12);
		for (int i = 0; i < count; i++) {
			frames.add((random.nextInt(6) < 5) ? regular(random) : terminal(random));
		}
		Compression compression = Compression.values()[random.nextInt(Compression.values().length)];
		ByteArrayOutputStream stream = new ByteArrayOutputStream();
		for (S2sFrame frame : frames) {
			stream.writeBytes(FrameTestSupport.encode(frame, compression));
		}
		byte[] bytes = stream.toByteArray();
		S2sFrameDecoder decoder = new S2sFrameDecoder();
		List<S2sFrame> decoded = new ArrayList<>();
		int offset = 0;
		int cuts = random.nextInt(21);
		for (int i = 0; i < cuts; i++) {
			int end = Math.min(bytes.length, offset + 1 + random.nextInt(5000));
			decoder.decode(Unpooled.wrappedBuffer(bytes, offset, end - offset), decoded::add);
			offset = end;
		}
		decoder.decode(Unpooled.wrappedBuffer(bytes, offset, bytes.length - offset), decoded::add);
		decoder.finish();
		assertThat(decoded).as("seed %d, %s", seed, compression).containsExactlyElementsOf(frames);
	}

	private static S2sFrame regular(Random random) {
		byte[] payload = switch (random.nextInt(3)) {
			case 0 -> randomBytes(random, random.nextInt(65));
			case 1 -> new byte[900 + random.nextInt(40_000 - 900 + 1)];
			default -> randomBytes(random, 1000 + random.nextInt(2001));
		};
		return new S2sFrame.Regular(payload, random.nextBoolean());
	}

	private static byte[] randomBytes(Random random, int length) {
		byte[] bytes = new byte[length];
		random.nextBytes(bytes);
		return bytes;
	}

	private static S2sFrame terminal(Random random) {
		StringBuilder body = new StringBuilder();
		int length = random.nextInt(201);
		while (body.length() < length) {
			int codePoint = random.nextInt(Character.MAX_CODE_POINT + 1);
			if (!Character.isSurrogate((char) codePoint) || codePoint > 0xFFFF) {
				body.appendCodePoint(codePoint);
			}
		}
		return new S2sFrame.Terminal(random.nextInt(0x10000), body.toString());
	}

}
