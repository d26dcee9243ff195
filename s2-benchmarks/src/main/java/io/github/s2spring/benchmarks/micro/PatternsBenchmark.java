package io.github.s2spring.benchmarks.micro;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

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
import s2.v1.AppendInput;
import s2.v1.AppendRecord;
import s2.v1.ReadBatch;
import s2.v1.SequencedRecord;

import io.github.s2spring.client.patterns.S2Serializer;
import io.github.s2spring.client.patterns.MessageFramer;
import io.github.s2spring.client.patterns.MessageReader;
import io.github.s2spring.client.patterns.MessageWriterOptions;
import io.github.s2spring.client.patterns.PreparedMessage;
import io.github.s2spring.client.patterns.ReadOutcome;

/**
 * The typed-message patterns: chunking a message into framed, dedupe-stamped records
 * packed in batches, and reassembling it from the records. Throughput in MiB/s is
 * {@code ops/s * messageBytes / 2^20}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class PatternsBenchmark {

	@Param({ "1024", "1048576", "10485760" })
	public int messageBytes;

	private byte[] message = new byte[0];

	private MessageFramer framer = new MessageFramer(MessageWriterOptions.defaults());

	private List<ReadBatch> batches = List.of();

	/**
	 * Prepares the message and the read batches that hold it.
	 */
	@Setup
	public void setUp() {
		this.message = Batches.body(new Random(7), this.messageBytes);
		this.framer = new MessageFramer(MessageWriterOptions.builder().dedupe(true).build());
		PreparedMessage prepared = this.framer.frame(this.message);
		long seqNum = 0;
		ReadBatch.Builder builder = ReadBatch.newBuilder();
		java.util.ArrayList<ReadBatch> read = new java.util.ArrayList<>();
		for (AppendInput input : prepared.batches()) {
			for (AppendRecord record : input.getRecordsList()) {
				builder.addRecords(SequencedRecord.newBuilder()
					.setSeqNum(seqNum++)
					.addAllHeaders(record.getHeadersList())
					.setBody(record.getBody()));
			}
			read.add(builder.build());
			builder.clear();
		}
		this.batches = List.copyOf(read);
	}

	/**
	 * Turns the message into framed, stamped records packed in batches.
	 * @return the prepared message
	 */
	@Benchmark
	public PreparedMessage chunk() {
		return this.framer.frame(this.message);
	}

	/**
	 * Reassembles the message from its records (dedupe filter, frame assembler,
	 * deserializer).
	 * @return the size of the reassembled message
	 */
	@Benchmark
	public int reassemble() {
		MessageReader<byte[]> reader = new MessageReader<>(S2Serializer.bytes());
		int bytes = 0;
		for (ReadBatch batch : this.batches) {
			for (ReadOutcome<byte[]> outcome : reader.read(batch)) {
				if (outcome instanceof ReadOutcome.Message<byte[]> message) {
					bytes += message.value().length;
				}
			}
		}
		return bytes;
	}

}
