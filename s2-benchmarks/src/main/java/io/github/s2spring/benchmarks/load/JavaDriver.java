package io.github.s2spring.benchmarks.load;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

import io.github.s2spring.client.S2Client;
import io.github.s2spring.client.config.S2ClientConfig;
import io.github.s2spring.client.data.AppendBatch;
import io.github.s2spring.client.data.AppendBatchBuilder;
import io.github.s2spring.client.data.AppendSession;
import io.github.s2spring.client.data.AppendTicket;
import io.github.s2spring.client.data.ReadBatch;
import io.github.s2spring.client.data.ReadOptions;
import io.github.s2spring.client.data.ReadSession;
import io.github.s2spring.client.data.S2Stream;
import io.github.s2spring.client.patterns.MessageReader;
import io.github.s2spring.client.patterns.MessageWriterOptions;
import io.github.s2spring.client.patterns.ReadOutcome;
import io.github.s2spring.client.patterns.S2Serializer;
import io.github.s2spring.client.patterns.SerializingAppendSession;

/**
 * The Java SDK: one {@link S2Client} for the whole run, its append and read sessions for
 * every scenario.
 */
public final class JavaDriver implements Driver {

	private final S2Client client;

	private final String origin;

	private final String basin;

	/**
	 * Creates the driver.
	 * @param origin the server's origin, without {@code /v1}
	 * @param basin the basin
	 */
	public JavaDriver(String origin, String basin) {
		this.origin = origin;
		this.client = newClient();
		this.basin = basin;
	}

	@Override
	public String name() {
		return "java";
	}

	private S2Client newClient() {
		return S2Client.create(S2ClientConfig.builder("bench").endpoints(this.origin, this.origin).build());
	}

	private S2Stream stream(String name) {
		return this.client.basin(this.basin).stream(name);
	}

	@Override
	public Throughput appendThroughput(String stream, Workload workload) throws Exception {
		try (AppendSession session = stream(stream).appendSession()) {
			long start = System.nanoTime();
			long deadline = start + workload.duration().toNanos();
			CompletableFuture<?> last = CompletableFuture.completedFuture(null);
			long batches = 0;
			AppendBatchBuilder builder = AppendBatch.builder();
			byte[] body = Records.body(0, 0, workload.recordBytes());
			while (System.nanoTime() < deadline) {
				long first = batches * workload.batchRecords();
				for (int i = 0; i < workload.batchRecords(); i++) {
					builder.add(Records.stamp(body, first + i, 0));
				}
				AppendTicket ticket = session.submit(builder.build()).get(60, TimeUnit.SECONDS);
				last = ticket.ack();
				batches++;
			}
			last.get(60, TimeUnit.SECONDS);
			long nanos = System.nanoTime() - start;
			long records = batches * workload.batchRecords();
			return new Throughput(records, records * workload.recordBytes(), nanos);
		}
	}

	@Override
	public Histogram ackLatency(String stream, Workload workload) throws Exception {
		try (AppendSession session = stream(stream).appendSession()) {
			return Latency.ofAcks(workload,
					(i, sentAt) -> session.appendAsync(Records.appendBatch(i, 1, 0, workload.recordBytes())));
		}
	}

	@Override
	public Histogram endToEndLatency(String stream, Workload workload) throws Exception {
		Histogram histogram = new Histogram(3);
		CountDownLatch received = new CountDownLatch((int) Latency.slots(workload));
		S2Stream s2Stream = stream(stream);
		try (ReadSession reader = s2Stream.readSession(ReadOptions.fromSeqNum(0));
				AppendSession session = s2Stream.appendSession()) {
			AtomicReference<@Nullable Throwable> failure = subscribe(reader, (batch) -> {
				long now = System.nanoTime();
				batch.records().forEach((record) -> {
					Latency.record(histogram, now - Records.nanos(record.body()));
					received.countDown();
				});
			});
			Latency.delivered(workload, received,
					(i, sentAt) -> session.appendAsync(Records.appendBatch(i, 1, sentAt, workload.recordBytes())),
					failure::get);
		}
		return histogram;
	}

	@Override
	public Throughput catchUpRead(String stream, int records) throws Exception {
		AtomicLong count = new AtomicLong();
		AtomicLong bytes = new AtomicLong();
		CountDownLatch done = new CountDownLatch(1);
		long start = System.nanoTime();
		try (ReadSession reader = stream(stream).readSession(ReadOptions.fromSeqNum(0).withCount(records))) {
			AtomicReference<@Nullable Throwable> failure = subscribe(reader, (batch) -> {
				batch.records().forEach((record) -> bytes.addAndGet(record.body().remaining()));
				if (count.addAndGet(batch.records().size()) >= records) {
					done.countDown();
				}
			});
			if (!done.await(120, TimeUnit.SECONDS)) {
				throw new IllegalStateException(
						"java catch-up read got " + count.get() + " of " + records + ": " + failure.get());
			}
			return new Throughput(count.get(), bytes.get(), System.nanoTime() - start);
		}
	}

	@Override
	public ScaleResult scale(String streamPrefix, Workload workload, IntSupplier connections) throws Exception {
		S2Client scaleClient = newClient();
		return ScaleRun.measure(name(), workload.streams(), connections, (i, echoed, sessions) -> {
			S2Stream s2Stream = scaleClient.basin(this.basin).stream(streamPrefix + i);
			ReadSession reader = s2Stream.readSession(ReadOptions.fromSeqNum(0));
			sessions.add(reader);
			AtomicLong seen = new AtomicLong();
			subscribe(reader, (batch) -> {
				if (!batch.records().isEmpty() && seen.getAndIncrement() == 0) {
					echoed.run();
				}
			});
			AppendSession append = s2Stream.appendSession();
			sessions.add(append);
			append.submit(Records.appendBatch(0, 1, 0, 16));
		}, scaleClient);
	}

	@Override
	public @Nullable Throughput patternsRoundTrip(String stream, Workload workload) throws Exception {
		byte[] message = new byte[workload.messageBytes()];
		for (int i = 0; i < message.length; i++) {
			message[i] = (byte) (i * 31);
		}
		S2Stream s2Stream = stream(stream);
		long start = System.nanoTime();
		try (SerializingAppendSession<byte[]> writer = SerializingAppendSession.of(s2Stream.appendSession(),
				S2Serializer.bytes(), MessageWriterOptions.builder().dedupe(true).build())) {
			writer.send(message).get(120, TimeUnit.SECONDS);
		}
		CompletableFuture<byte[]> received = new CompletableFuture<>();
		try (ReadSession reader = s2Stream.readSession(ReadOptions.fromSeqNum(0))) {
			new MessageReader<>(S2Serializer.bytes()).publish(reader)
				.subscribe(new Flow.Subscriber<ReadOutcome<byte[]>>() {
					@Override
					public void onSubscribe(Flow.Subscription subscription) {
						subscription.request(Long.MAX_VALUE);
					}

					@Override
					public void onNext(ReadOutcome<byte[]> item) {
						if (item instanceof ReadOutcome.Message<byte[]> m) {
							received.complete(m.value());
						}
						else {
							received.completeExceptionally(new IllegalStateException("patterns read failed: " + item));
						}
					}

					@Override
					public void onError(Throwable throwable) {
						received.completeExceptionally(throwable);
					}

					@Override
					public void onComplete() {
					}
				});
			byte[] read = received.get(120, TimeUnit.SECONDS);
			long nanos = System.nanoTime() - start;
			if (!java.util.Arrays.equals(read, message)) {
				throw new IllegalStateException("patterns message differs after the round trip");
			}
			return new Throughput(1, read.length, nanos);
		}
	}

	/**
	 * Subscribes with unbounded demand.
	 */
	private static AtomicReference<@Nullable Throwable> subscribe(ReadSession reader, Consumer<ReadBatch> batches) {
		AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
		reader.subscribe(new Flow.Subscriber<ReadBatch>() {
			@Override
			public void onSubscribe(Flow.Subscription subscription) {
				subscription.request(Long.MAX_VALUE);
			}

			@Override
			public void onNext(ReadBatch item) {
				batches.accept(item);
			}

			@Override
			public void onError(Throwable throwable) {
				failure.set(throwable);
			}

			@Override
			public void onComplete() {
			}
		});
		return failure;
	}

	@Override
	public void close() {
		this.client.close();
	}

}
