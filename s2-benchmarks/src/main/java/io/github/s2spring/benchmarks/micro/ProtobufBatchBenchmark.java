package io.github.s2spring.benchmarks.micro;

import java.util.concurrent.TimeUnit;

import com.google.protobuf.InvalidProtocolBufferException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import s2.v1.AppendInput;
import s2.v1.ReadBatch;

import io.github.s2spring.protocol.limits.AppendRules;
import io.github.s2spring.protocol.limits.MeteredSize;

/**
 * Protobuf encoding and decoding of a 1000-record batch of 1 KiB records, and the
 * metered-size and validation passes over it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class ProtobufBatchBenchmark {

	private AppendInput appendInput = AppendInput.getDefaultInstance();

	private byte[] appendInputBytes = new byte[0];

	private ReadBatch readBatch = ReadBatch.getDefaultInstance();

	private byte[] readBatchBytes = new byte[0];

	/**
	 * Prepares the batches.
	 */
	@Setup
	public void setUp() {
		this.appendInput = Batches.appendInput(1000, 1000);
		this.appendInputBytes = this.appendInput.toByteArray();
		this.readBatch = Batches.readBatch(1000, 1000);
		this.readBatchBytes = this.readBatch.toByteArray();
	}

	/**
	 * Encodes an append batch.
	 * @return the bytes
	 */
	@Benchmark
	public byte[] encodeAppendInput() {
		return this.appendInput.toByteArray();
	}

	/**
	 * Decodes an append batch.
	 * @return the batch
	 * @throws InvalidProtocolBufferException never
	 */
	@Benchmark
	public AppendInput decodeAppendInput() throws InvalidProtocolBufferException {
		return AppendInput.parseFrom(this.appendInputBytes);
	}

	/**
	 * Encodes a read batch.
	 * @return the bytes
	 */
	@Benchmark
	public byte[] encodeReadBatch() {
		return this.readBatch.toByteArray();
	}

	/**
	 * Decodes a read batch.
	 * @return the batch
	 * @throws InvalidProtocolBufferException never
	 */
	@Benchmark
	public ReadBatch decodeReadBatch() throws InvalidProtocolBufferException {
		return ReadBatch.parseFrom(this.readBatchBytes);
	}

	/**
	 * Computes the metered size of the batch.
	 * @return the size
	 */
	@Benchmark
	public long meteredSize() {
		return MeteredSize.of(this.appendInput);
	}

	/**
	 * Validates the batch as client and server do before appending.
	 * @return the metered size
	 */
	@Benchmark
	public long validate() {
		return AppendRules.validate(this.appendInput);
	}

}
