package io.github.s2spring.benchmarks.micro;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;

import io.github.s2spring.protocol.s2s.Compression;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs each microbenchmark body once, outside JMH, to prove that it does the work it
 * measures.
 */
class MicroBenchmarksTests {

	private final Blackhole blackhole = new Blackhole(
			"Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");

	@Test
	void frameCodecEncodesAndDecodesWithEveryCompression() {
		for (Compression compression : Compression.values()) {
			FrameCodecBenchmark benchmark = new FrameCodecBenchmark();
			benchmark.compression = compression;
			benchmark.setUp();
			benchmark.encode(this.blackhole);
			assertThat(benchmark.decode()).isEqualTo(Batches.appendInput(1000, 1000).getSerializedSize());
		}
	}

	@Test
	void patternsChunkAndReassembleEveryMessageSize() {
		for (int size : new int[] { 1024, 1048576, 10485760 }) {
			PatternsBenchmark benchmark = new PatternsBenchmark();
			benchmark.messageBytes = size;
			benchmark.setUp();
			assertThat(benchmark.chunk().records()).isEqualTo((size + 1_048_477 - 1) / 1_048_477);
			assertThat(benchmark.reassemble()).isEqualTo(size);
		}
	}

	@Test
	void theWriterPacksMessagesSentWhileABatchIsInFlightIntoFullBatches() {
		WriterBatchingBenchmark benchmark = new WriterBatchingBenchmark();
		assertThat(benchmark.sendWhileABatchIsInFlight()).isEqualTo(1);
		assertThat(benchmark.batches()).isBetween(2, 4);
	}

	@Test
	void protobufBatchesRoundTrip() throws Exception {
		ProtobufBatchBenchmark benchmark = new ProtobufBatchBenchmark();
		benchmark.setUp();
		assertThat(benchmark.decodeAppendInput().getRecordsCount()).isEqualTo(1000);
		assertThat(benchmark.decodeReadBatch().getRecords(999).getSeqNum()).isEqualTo(999);
		assertThat(benchmark.encodeAppendInput()).isNotEmpty();
		assertThat(benchmark.encodeReadBatch()).isNotEmpty();
		assertThat(benchmark.meteredSize()).isEqualTo(1000L * (8 + 2 + 4 + 5 + 1000));
		assertThat(benchmark.validate()).isEqualTo(benchmark.meteredSize());
	}

	@Test
	void bothWaysOfBuildingABatchGiveTheSameFrame() {
		AppendBatchBenchmark benchmark = new AppendBatchBenchmark();
		int viaRecords = benchmark.records();
		int viaBuilder = benchmark.builder();
		assertThat(viaBuilder).isEqualTo(viaRecords);
		assertThat(viaBuilder).isGreaterThan(1000 * 1024);
	}

}
