package io.github.s2spring.benchmarks.load;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;
import s2.v1.ReadBatch;
import s2.v1.SequencedRecord;

import io.github.s2spring.benchmarks.raw.RawAppendSession;
import io.github.s2spring.benchmarks.raw.RawConnection;
import io.github.s2spring.benchmarks.raw.RawReadSession;
import io.github.s2spring.protocol.s2s.Compression;
import io.github.s2spring.protocol.s2s.S2sFrame;
import io.github.s2spring.protocol.s2s.S2sFrameEncoder;

/**
 * The raw reference: pre-encoded S2S frames over bare Netty HTTP/2, no SDK logic. Frames
 * are encoded before the clock starts, so the numbers are the limit of server, transport
 * and machine.
 */
public final class RawDriver implements Driver {

	private static final int MAX_INFLIGHT_BYTES = 5 * 1024 * 1024;

	private final URI baseUrl;

	private final String basin;

	private final S2sFrameEncoder encoder = new S2sFrameEncoder(Compression.NONE);

	/**
	 * Creates the driver.
	 * @param baseUrl the server's base URL including {@code /v1}
	 * @param basin the basin
	 */
	public RawDriver(URI baseUrl, String basin) {
		this.baseUrl = baseUrl;
		this.basin = basin;
	}

	@Override
	public String name() {
		return "raw";
	}

	@Override
	public Throughput appendThroughput(String stream, Workload workload) throws Exception {
		FrameTemplate template = new FrameTemplate(frame(0, workload.batchRecords(), 0, workload.recordBytes()),
				workload.batchRecords());
		try (RawConnection connection = RawConnection.open(this.baseUrl, this.basin);
				RawAppendSession session = new RawAppendSession(connection, stream, MAX_INFLIGHT_BYTES)) {
			long start = System.nanoTime();
			long deadline = start + workload.duration().toNanos();
			CompletableFuture<Long> last = CompletableFuture.completedFuture(start);
			long sent = 0;
			while (System.nanoTime() < deadline) {
				last = session.submit(template.withFirstIndex(sent * workload.batchRecords()));
				sent++;
			}
			long end = last.get(60, TimeUnit.SECONDS);
			long records = sent * workload.batchRecords();
			return new Throughput(records, records * workload.recordBytes(), end - start);
		}
		finally {
			template.release();
		}
	}

	@Override
	public Histogram ackLatency(String stream, Workload workload) throws Exception {
		try (RawConnection connection = RawConnection.open(this.baseUrl, this.basin);
				RawAppendSession session = new RawAppendSession(connection, stream, MAX_INFLIGHT_BYTES)) {
			return Latency.ofAcks(workload, (i, sentAt) -> session.submit(frame(i, 1, 0, workload.recordBytes())));
		}
	}

	@Override
	public Histogram endToEndLatency(String stream, Workload workload) throws Exception {
		Histogram histogram = new Histogram(3);
		CountDownLatch received = new CountDownLatch((int) Latency.slots(workload));
		try (RawConnection connection = RawConnection.open(this.baseUrl, this.basin);
				RawReadSession reader = new RawReadSession(connection, stream, "seq_num=0", (batch) -> {
					long now = System.nanoTime();
					for (SequencedRecord record : batch.getRecordsList()) {
						Latency.record(histogram, now - Records.nanos(record.getBody()));
						received.countDown();
					}
				});
				RawAppendSession session = new RawAppendSession(connection, stream, MAX_INFLIGHT_BYTES)) {
			Latency.delivered(workload, received,
					(i, sentAt) -> session.submit(frame(i, 1, sentAt, workload.recordBytes())), reader::ended);
		}
		return histogram;
	}

	@Override
	public Throughput catchUpRead(String stream, int records) throws Exception {
		AtomicLong count = new AtomicLong();
		AtomicLong bytes = new AtomicLong();
		CountDownLatch done = new CountDownLatch(1);
		try (RawConnection connection = RawConnection.open(this.baseUrl, this.basin)) {
			long start = System.nanoTime();
			try (RawReadSession reader = new RawReadSession(connection, stream, "seq_num=0&count=" + records,
					(batch) -> accept(batch, count, bytes, records, done))) {
				if (!done.await(120, TimeUnit.SECONDS)) {
					throw new IllegalStateException(
							"raw catch-up read got " + count.get() + " of " + records + ", session " + reader.ended());
				}
				return new Throughput(count.get(), bytes.get(), System.nanoTime() - start);
			}
		}
	}

	private static void accept(ReadBatch batch, AtomicLong count, AtomicLong bytes, int records, CountDownLatch done) {
		for (SequencedRecord record : batch.getRecordsList()) {
			bytes.addAndGet(record.getBody().size());
		}
		if (count.addAndGet(batch.getRecordsCount()) >= records) {
			done.countDown();
		}
	}

	@Override
	public ScaleResult scale(String streamPrefix, Workload workload, IntSupplier connections) throws Exception {
		List<RawConnection> rawConnections = new ArrayList<>();
		int[] sessionsOnLast = { 0 };
		return ScaleRun.measure(name(), workload.streams(), connections, (i, echoed, sessions) -> {
			if (rawConnections.isEmpty()
					|| sessionsOnLast[0] + 2 > rawConnections.get(rawConnections.size() - 1).maxStreams()) {
				rawConnections.add(RawConnection.open(this.baseUrl, this.basin));
				sessionsOnLast[0] = 0;
			}
			sessionsOnLast[0] += 2;
			RawConnection connection = rawConnections.get(rawConnections.size() - 1);
			String stream = streamPrefix + i;
			AtomicLong seen = new AtomicLong();
			sessions.add(new RawReadSession(connection, stream, "seq_num=0", (batch) -> {
				if (batch.getRecordsCount() > 0 && seen.getAndIncrement() == 0) {
					echoed.run();
				}
			}));
			RawAppendSession append = new RawAppendSession(connection, stream, MAX_INFLIGHT_BYTES);
			sessions.add(append);
			append.submit(frame(0, 1, 0, 16));
		}, () -> rawConnections.forEach(RawConnection::close));
	}

	@Override
	public @Nullable Throughput patternsRoundTrip(String stream, Workload workload) {
		return null;
	}

	private ByteBuf frame(long firstIndex, int count, long nanos, int bytes) {
		return this.encoder.encode(S2sFrame.of(Records.batch(firstIndex, count, nanos, bytes)),
				PooledByteBufAllocator.DEFAULT);
	}

	@Override
	public void close() {
	}

}
