package io.github.s2spring.protocol.s2s;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Feeds random and mutated byte strings to the decoder: each ends in frames or a typed
 * error, never another exception, never a hang, and within a bounded number of allocated
 * bytes.
 */
class S2sFrameDecoderRobustnessTests {

	private static final int INPUTS = 100_000;

	/** Most bytes one input may make the decoder allocate, whatever it declares. */
	private static final long MAX_ALLOCATED_BYTES_PER_INPUT = 16L * 1024 * 1024;

	@Test
	void everyRandomOrMutatedInputEndsInFramesOrATypedError() {
		Random random = new Random(20261127);
		List<byte[]> seeds = seeds(random);
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long thread = Thread.currentThread().getId();
		int decodedFrames = 0;
		int typedErrors = 0;
		long maxAllocated = 0;
		for (int i = 0; i < INPUTS; i++) {
			byte[] input = (i % 4 == 0) ? randomBytes(random) : mutate(seeds.get(random.nextInt(seeds.size())), random);
			long before = threads.getThreadAllocatedBytes(thread);
			try {
				decodedFrames += decodeInRandomReads(input, random);
			}
			catch (S2sFrameException ex) {
				assertThat(ex.kind()).isNotNull();
				typedErrors++;
			}
			catch (RuntimeException ex) {
				fail("input %d (%s) raised an untyped %s", i, FrameTestSupport.hex(input), ex);
			}
			maxAllocated = Math.max(maxAllocated, threads.getThreadAllocatedBytes(thread) - before);
		}
		assertThat(decodedFrames).isPositive();
		assertThat(typedErrors).isPositive();
		assertThat(maxAllocated).isLessThan(MAX_ALLOCATED_BYTES_PER_INPUT);
	}

	private static int decodeInRandomReads(byte[] input, Random random) {
		S2sFrameDecoder decoder = new S2sFrameDecoder();
		List<S2sFrame> frames = new ArrayList<>();
		int offset = 0;
		while (offset < input.length) {
			int length = Math.min(input.length - offset, 1 + random.nextInt(64));
			decoder.decode(Unpooled.wrappedBuffer(input, offset, length), frames::add);
			offset += length;
		}
		decoder.finish();
		return frames.size();
	}

	private static List<byte[]> seeds(Random random) {
		List<byte[]> seeds = new ArrayList<>();
		for (Compression compression : Compression.values()) {
			byte[] text = new byte[1500];
			Arrays.fill(text, (byte) 'q');
			seeds.add(FrameTestSupport.encode(new S2sFrame.Regular(text, false), compression));
			byte[] noise = new byte[1200];
			random.nextBytes(noise);
			seeds.add(FrameTestSupport.encode(new S2sFrame.Regular(noise, true), compression));
		}
		seeds.add(FrameTestSupport.encode(new S2sFrame.Regular(new byte[] { 0x0a, 0x00 }, false), Compression.NONE));
		seeds.add(FrameTestSupport.encode(new S2sFrame.Terminal(416, "{\"tail\":{\"seq_num\":1,\"timestamp\":2}}"),
				Compression.NONE));
		return seeds;
	}

	private static byte[] randomBytes(Random random) {
		byte[] bytes = new byte[random.nextInt(40)];
		random.nextBytes(bytes);
		if (bytes.length > 3 && random.nextBoolean()) {
			bytes[0] = 0;
			bytes[1] = 0;
		}
		return bytes;
	}

	private static byte[] mutate(byte[] seed, Random random) {
		byte[] bytes = seed.clone();
		switch (random.nextInt(4)) {
			case 0 -> {
				for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
					bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
				}
			}
			case 1 -> bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
			case 2 -> bytes[random.nextInt(Math.min(4, bytes.length))] = (byte) random.nextInt(256);
			default -> {
				byte[] longer = Arrays.copyOf(bytes, bytes.length + 1 + random.nextInt(16));
				for (int i = bytes.length; i < longer.length; i++) {
					longer[i] = (byte) random.nextInt(256);
				}
				bytes = longer;
			}
		}
		return bytes;
	}

}
