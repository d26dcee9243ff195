package io.github.s2spring.benchmarks.micro;

import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import io.github.s2spring.protocol.s2s.Compression;
import io.github.s2spring.protocol.s2s.S2sFrame;
import io.github.s2spring.protocol.s2s.S2sFrameDecoder;
import io.github.s2spring.protocol.s2s.S2sFrameEncoder;

/**
 * S2S frame encoding and decoding of a 1000-record batch of 1 KiB records (about 1 MiB),
 * with each compression. Throughput in MiB/s is {@code ops/s * payloadBytes / 2^20}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class FrameCodecBenchmark {

	@Param({ "NONE", "GZIP", "ZSTD" })
	public Compression compression;

	private final ByteBufAllocator allocator = PooledByteBufAllocator.DEFAULT;

	private S2sFrame frame = new S2sFrame.Regular(new byte[0], false);

	private S2sFrameEncoder encoder = new S2sFrameEncoder(Compression.NONE);

	private ByteBuf encoded = allocator.buffer();

	/**
	 * Prepares a frame of a 1000-record batch and its encoding.
	 */
	@Setup
	public void setUp() {
		this.frame = S2sFrame.of(Batches.appendInput(1000, 1000));
		this.encoder = new S2sFrameEncoder(this.compression);
		this.encoded.release();
		this.encoded = this.encoder.encode(this.frame, this.allocator);
	}

	/**
	 * Encodes the frame.
	 * @param blackhole sink
	 */
	@Benchmark
	public void encode(Blackhole blackhole) {
		ByteBuf out = this.encoder.encode(this.frame, this.allocator);
		blackhole.consume(out.readableBytes());
		out.release();
	}

	/**
	 * Decodes the frame.
	 * @return the decoded payload size
	 */
	@Benchmark
	public int decode() {
		int[] payloadBytes = new int[1];
		new S2sFrameDecoder().decode(this.encoded.duplicate(),
				(frame) -> payloadBytes[0] += ((S2sFrame.Regular) frame).payload().length);
		return payloadBytes[0];
	}

}
