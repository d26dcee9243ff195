package io.github.s2spring.benchmarks.micro;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

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

import io.github.s2spring.client.data.AppendAck;
import io.github.s2spring.client.data.AppendBatch;
import io.github.s2spring.client.data.AppendRecord;
import io.github.s2spring.client.data.AppendSession;
import io.github.s2spring.client.data.AppendTicket;
import io.github.s2spring.client.data.ReadBatch;
import io.github.s2spring.client.data.SequencedRecord;
import io.github.s2spring.client.patterns.MessageAck;
import io.github.s2spring.client.patterns.MessageReader;
import io.github.s2spring.client.patterns.MessageWriterOptions;
import io.github.s2spring.client.patterns.ReadOutcome;
import io.github.s2spring.client.patterns.S2Serializer;
import io.github.s2spring.client.patterns.SerializingAppendSession;
import io.github.s2spring.protocol.StreamPosition;

/**
 * The typed-message patterns: chunking a message into framed, dedupe-stamped records
 * packed in batches (on a stand-in session that acknowledges at once), and reassembling
 * it from the records. Throughput in MiB/s is {@code ops/s * messageBytes / 2^20}.
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

	private SerializingAppendSession<byte[]> writer = writer((batch) -> {
	});

	private List<ReadBatch> batches = List.of();

	private static SerializingAppendSession<byte[]> writer(Consumer<AppendBatch> sent) {
		return SerializingAppendSession.of(acknowledging(sent), S2Serializer.bytes(),
				MessageWriterOptions.builder().dedupe(true).build());
	}

	/**
	 * An append session that admits and acknowledges every batch at once: a dynamic proxy
	 * answering {@code submit}, the one method the writer calls while sending.
	 */
	private static AppendSession acknowledging(Consumer<AppendBatch> sent) {
		return (AppendSession) Proxy.newProxyInstance(AppendSession.class.getClassLoader(),
				new Class<?>[] { AppendSession.class }, (proxy, method, args) -> {
					if (!method.getName().equals("submit")) {
						throw new UnsupportedOperationException(method.getName());
					}
					AppendBatch batch = (AppendBatch) args[0];
					sent.accept(batch);
					AppendAck ack = new AppendAck(StreamPosition.ZERO, new StreamPosition(batch.size(), 0),
							new StreamPosition(batch.size(), 0));
					return CompletableFuture
						.completedFuture(new AppendTicket(batch, CompletableFuture.completedFuture(ack)));
				});
	}

	/**
	 * Prepares the message and the read batches that hold it.
	 */
	@Setup
	public void setUp() {
		this.message = Batches.body(new Random(7), this.messageBytes);
		List<AppendBatch> sent = new ArrayList<>();
		writer(sent::add).send(this.message).join();
		long seqNum = 0;
		List<ReadBatch> read = new ArrayList<>();
		for (AppendBatch batch : sent) {
			List<SequencedRecord> records = new ArrayList<>();
			for (AppendRecord record : batch.records()) {
				records.add(new SequencedRecord(seqNum++, 0, record.headers(), record.body()));
			}
			read.add(new ReadBatch(records, null));
		}
		this.batches = List.copyOf(read);
	}

	/**
	 * Turns the message into framed, stamped records packed in batches, and hands them to
	 * a sink that acknowledges at once.
	 * @return the acknowledgement of the message
	 */
	@Benchmark
	public MessageAck chunk() {
		return this.writer.send(this.message).join();
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
