package io.github.s2spring.protocol.s2s;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.Unpooled;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any sequence of frames, encoded with any compression and split into reads anywhere,
 * decodes to the same frames.
 */
class S2sFrameProperties {

	@Property(tries = 300)
	void framesSurviveAnyCompressionAndAnySplit(@ForAll @Size(min = 1, max = 12) List<@From("frames") S2sFrame> frames,
			@ForAll Compression compression,
			@ForAll @Size(max = 20) List<@IntRange(min = 1, max = 5000) Integer> cuts) {
		ByteArrayOutputStream stream = new ByteArrayOutputStream();
		for (S2sFrame frame : frames) {
			stream.writeBytes(FrameTestSupport.encode(frame, compression));
		}
		byte[] bytes = stream.toByteArray();
		S2sFrameDecoder decoder = new S2sFrameDecoder();
		List<S2sFrame> decoded = new ArrayList<>();
		int offset = 0;
		for (int cut : cuts) {
			int end = Math.min(bytes.length, offset + cut);
			decoder.decode(Unpooled.wrappedBuffer(bytes, offset, end - offset), decoded::add);
			offset = end;
		}
		decoder.decode(Unpooled.wrappedBuffer(bytes, offset, bytes.length - offset), decoded::add);
		decoder.finish();
		assertThat(decoded).containsExactlyElementsOf(frames);
	}

	@Provide
	Arbitrary<S2sFrame> frames() {
		Arbitrary<byte[]> small = Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
		Arbitrary<byte[]> repetitive = Arbitraries.integers().between(900, 40_000).map((size) -> new byte[size]);
		Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMinSize(1000).ofMaxSize(3000);
		Arbitrary<S2sFrame> regular = Combinators
			.combine(Arbitraries.oneOf(small, repetitive, random), Arbitraries.of(true, false))
			.as(S2sFrame.Regular::new);
		Arbitrary<S2sFrame> terminal = Combinators
			.combine(Arbitraries.integers().between(0, 0xFFFF), Arbitraries.strings().ofMaxLength(200))
			.as((status, body) -> new S2sFrame.Terminal(status,
					body.codePoints()
						.filter((cp) -> !Character.isSurrogate((char) cp) || cp > 0xFFFF)
						.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
						.toString()));
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, regular), net.jqwik.api.Tuple.of(1, terminal));
	}

}
