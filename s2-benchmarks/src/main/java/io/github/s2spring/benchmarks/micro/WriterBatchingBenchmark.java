package io.github.s2spring.benchmarks.micro;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.github.s2spring.client.data.AppendAck;
import io.github.s2spring.client.data.AppendBatch;
import io.github.s2spring.client.data.AppendSession;
import io.github.s2spring.client.data.AppendTicket;
import io.github.s2spring.client.data.Header;
import io.github.s2spring.client.patterns.MessageAck;
import io.github.s2spring.client.patterns.MessageWriterOptions;
import io.github.s2spring.client.patterns.S2Serializer;
import io.github.s2spring.client.patterns.SerializingAppendSession;
import io.github.s2spring.protocol.StreamPosition;

/**
 * The patterns writer as {@code S2Template} drives it: {@value #MESSAGES} messages of 1
 * KiB, each with a content-type header, sent while the first batch waits for its
 * acknowledgement, so that they are framed, stamped and packed into full batches; then
 * every batch is acknowledged. Messages per second is {@code ops/s * 1000}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WriterBatchingBenchmark {

	static final int MESSAGES = 1000;

	private final byte[] message = Batches.body(new Random(7), 1024);

	private final List<Header> headers = List.of(Header.of("content-type", "application/json"));

	private final List<AppendBatch> batches = new ArrayList<>();

	private final List<CompletableFuture<AppendAck>> acks = new ArrayList<>();

	/** One writer for every run, as a stream's appender keeps one. */
	private final SerializingAppendSession<byte[]> writer = SerializingAppendSession.of(
			holding(this.batches, this.acks), S2Serializer.bytes(),
			MessageWriterOptions.builder().dedupe(true).build());

	private long seqNum;

	private int lastBatches;

	/**
	 * Sends the messages and acknowledges their batches.
	 * @return the records of the last message's acknowledgement
	 */
	@Benchmark
	public long sendWhileABatchIsInFlight() {
		CompletableFuture<MessageAck> last = null;
		for (int i = 0; i < MESSAGES; i++) {
			last = this.writer.send(this.message, this.headers);
		}
		CompletableFuture<Void> flushed = this.writer.flush();
		for (int i = 0; i < this.acks.size(); i++) {
			long end = this.seqNum + this.batches.get(i).size();
			this.acks.get(i)
				.complete(new AppendAck(new StreamPosition(this.seqNum, 0), new StreamPosition(end, 0),
						new StreamPosition(end, 0)));
			this.seqNum = end;
		}
		flushed.join();
		this.lastBatches = this.batches.size();
		this.batches.clear();
		this.acks.clear();
		return last.join().records();
	}

	/**
	 * The batches the last run made.
	 * @return the count
	 */
	int batches() {
		return this.lastBatches;
	}

	/**
	 * An append session that admits every batch at once and acknowledges none until told:
	 * a dynamic proxy answering {@code submit}, the one method the writer calls while
	 * sending.
	 */
	private static AppendSession holding(List<AppendBatch> batches, List<CompletableFuture<AppendAck>> acks) {
		return (AppendSession) Proxy.newProxyInstance(AppendSession.class.getClassLoader(),
				new Class<?>[] { AppendSession.class }, (proxy, method, args) -> {
					if (!method.getName().equals("submit")) {
						throw new UnsupportedOperationException(method.getName());
					}
					AppendBatch batch = (AppendBatch) args[0];
					CompletableFuture<AppendAck> ack = new CompletableFuture<>();
					batches.add(batch);
					acks.add(ack);
					return CompletableFuture.completedFuture(new AppendTicket(batch, ack));
				});
	}

}
