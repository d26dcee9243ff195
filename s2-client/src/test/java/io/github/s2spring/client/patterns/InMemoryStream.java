package io.github.s2spring.client.patterns;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;

import io.github.s2spring.client.data.AppendAck;
import io.github.s2spring.client.data.AppendBatch;
import io.github.s2spring.client.data.AppendRecord;
import io.github.s2spring.client.data.SequencedRecord;
import io.github.s2spring.protocol.StreamPosition;

/**
 * A stream in memory, as an {@link AppendSink}: it validates every batch like S2, assigns
 * seq nums and timestamps, and can be told to lose acks or refuse batches.
 */
final class InMemoryStream implements AppendSink {

	enum Fault {

		NONE, WRITE_THEN_FAIL, FAIL_WITHOUT_WRITE

	}

	private final List<SequencedRecord> records = new ArrayList<>();

	private final List<AppendBatch> received = new ArrayList<>();

	private final IntFunction<Fault> faults;

	InMemoryStream() {
		this((call) -> Fault.NONE);
	}

	InMemoryStream(IntFunction<Fault> faults) {
		this.faults = faults;
	}

	@Override
	public synchronized CompletableFuture<AppendAck> append(AppendBatch batch) {
		int call = this.received.size();
		this.received.add(batch);
		TestRecords.validate(batch);
		Fault fault = this.faults.apply(call);
		if (fault == Fault.FAIL_WITHOUT_WRITE) {
			return CompletableFuture.failedFuture(new IllegalStateException("connection reset before the write"));
		}
		long start = this.records.size();
		for (AppendRecord record : batch.records()) {
			long seq = this.records.size();
			this.records.add(new SequencedRecord(seq, 1000 + seq, record.headers(), record.body()));
		}
		if (fault == Fault.WRITE_THEN_FAIL) {
			return CompletableFuture.failedFuture(new IllegalStateException("connection reset, ack lost"));
		}
		long end = this.records.size();
		return CompletableFuture.completedFuture(new AppendAck(new StreamPosition(start, 1000 + start),
				new StreamPosition(end, 1000 + end - 1), new StreamPosition(end, 1000 + end - 1)));
	}

	synchronized List<SequencedRecord> records() {
		return List.copyOf(this.records);
	}

	synchronized List<AppendBatch> received() {
		return List.copyOf(this.received);
	}

}
