package io.github.s2spring.benchmarks.micro;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.github.s2spring.client.data.AppendBatch;
import io.github.s2spring.client.data.AppendBatchBuilder;
import io.github.s2spring.client.data.AppendRecord;
import io.github.s2spring.protocol.s2s.Compression;
import io.github.s2spring.protocol.s2s.S2sFrameEncoder;

/**
 * From 1000 bodies of 1 KiB to the S2S frame an append session sends: through
 * {@link AppendRecord}s and {@link AppendBatch#of(List)}, and through an
 * {@link AppendBatchBuilder}. Each operation stamps every body with its index first, as a
 * producer fills its records, and releases the frame at the end.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class AppendBatchBenchmark {

	private static final int RECORDS = 1000;

	private final byte[] body = new byte[1024];

	private final S2sFrameEncoder encoder = new S2sFrameEncoder(Compression.NONE);

	private final AppendBatchBuilder builder = AppendBatch.builder();

	private long next;

	/**
	 * Records (one copy of each body), validated and metered, then encoded by
	 * {@link AppendBatch#of(List)}.
	 * @return the frame's size
	 */
	@Benchmark
	public int records() {
		List<AppendRecord> records = new ArrayList<>(RECORDS);
		for (int i = 0; i < RECORDS; i++) {
			records.add(AppendRecord.of(stamp()));
		}
		return release(this.encoder.encode(AppendBatch.of(records).encoded(), false, ByteBufAllocator.DEFAULT));
	}

	/**
	 * The builder: each body validated, metered and encoded as it is added.
	 * @return the frame's size
	 */
	@Benchmark
	public int builder() {
		for (int i = 0; i < RECORDS; i++) {
			this.builder.add(stamp());
		}
		return release(this.encoder.encode(this.builder.build().encoded(), false, ByteBufAllocator.DEFAULT));
	}

	private byte[] stamp() {
		ByteBuffer.wrap(this.body).putLong(this.next++);
		return this.body;
	}

	private static int release(ByteBuf frame) {
		int size = frame.readableBytes();
		frame.release();
		return size;
	}

}
