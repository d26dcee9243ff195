package io.github.s2spring.embedded.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

import s2.v1.AppendAck;
import s2.v1.AppendInput;
import s2.v1.AppendRecord;
import s2.v1.ReadBatch;
import s2.v1.SequencedRecord;

import io.github.s2spring.embedded.config.ConfigJson;
import io.github.s2spring.embedded.config.Json;
import io.github.s2spring.embedded.config.StreamSpec;
import io.github.s2spring.embedded.error.ApiException;
import io.github.s2spring.embedded.storage.Journal;
import io.github.s2spring.embedded.storage.JournalEntry;
import io.github.s2spring.protocol.StreamPosition;
import io.github.s2spring.protocol.error.ErrorCode;
import io.github.s2spring.protocol.limits.Command;
import io.github.s2spring.protocol.limits.CommandRecords;
import io.github.s2spring.protocol.limits.MeteredSize;

/**
 * One stream: its records, tail, fencing token and trim point. The stream is its own
 * ordered writer: appends are sequenced under the stream's lock (no lock is shared
 * between streams), written to the journal, and become visible to readers, in order, once
 * the journal has made them durable. Readers waiting at the tail are woken by callbacks,
 * never by polling.
 */
public final class Stream extends Resource<StreamSpec> {

	private static final CompletableFuture<Void> DURABLE = CompletableFuture.completedFuture(null);

	private final String basin;

	private final Journal journal;

	private final StoreClock clock;

	private final Executor committer;

	private final ArrayList<Entry> entries = new ArrayList<>();

	private long firstSeqNum;

	private long nextSeqNum;

	private long maxTimestamp;

	private long committedSeqNum;

	private long committedTimestamp;

	private String fencingToken = "";

	private long trimPoint;

	private long lastActivityMillis;

	private List<Runnable> waiters = new ArrayList<>();

	Stream(String basin, String name, StreamSpec spec, Instant createdAt, Journal journal, StoreClock clock,
			Executor committer) {
		super(name, spec, createdAt);
		this.basin = basin;
		this.committer = committer;
		this.journal = journal;
		this.clock = clock;
		this.lastActivityMillis = createdAt.toEpochMilli();
	}

	/**
	 * The name of the stream's basin.
	 * @return the basin name
	 */
	public String basin() {
		return this.basin;
	}

	@Override
	boolean configuredAs(StreamSpec requested) {
		return spec().resolved().equals(requested.resolved());
	}

	@Override
	void markDeleted(Instant at) {
		super.markDeleted(at);
		wakeWaiters();
	}

	@Override
	JournalEntry putEntry() {
		return new JournalEntry.StreamPut(this.basin, name(), Json.write(ConfigJson.writeStream(spec())),
				createdAt().toEpochMilli());
	}

	@Override
	JournalEntry deletedEntry() {
		return new JournalEntry.StreamDeleted(this.basin, name());
	}

	/**
	 * Appends a batch that already passed {@code AppendRules.validate}. Preconditions are
	 * checked in S2's order: the fencing token, then {@code match_seq_num}.
	 * @param input the batch
	 * @return a future completed with the acknowledgement once the records are durable
	 * @throws ApiException if a precondition fails or the stream is being deleted
	 */
	public CompletableFuture<AppendAck> append(AppendInput input) {
		long start;
		long end;
		long lastTimestamp;
		long startTimestamp;
		boolean journaled = this.journal != Journal.none();
		ReadBatch.Builder batch = ReadBatch.newBuilder();
		CompletableFuture<Void> durable;
		synchronized (this) {
			if (deletedAt() != null) {
				throw ApiException.of(ErrorCode.STREAM_DELETION_PENDING, "Stream is being deleted: " + name());
			}
			if (input.hasFencingToken() && !input.getFencingToken().equals(this.fencingToken)) {
				throw ApiException.fencingTokenMismatch(this.fencingToken);
			}
			if (input.hasMatchSeqNum() && input.getMatchSeqNum() != this.nextSeqNum) {
				throw ApiException.seqNumMismatch(this.nextSeqNum);
			}
			StreamSpec resolved = spec().resolved();
			String mode = resolved.timestampingMode();
			boolean uncapped = Boolean.TRUE.equals(resolved.uncapped());
			if ("client-require".equals(mode)) {
				for (AppendRecord record : input.getRecordsList()) {
					if (!record.hasTimestamp()) {
						throw ApiException.of(ErrorCode.INVALID, "record timestamp was required but was missing");
					}
				}
			}
			long now = this.clock.millis();
			start = this.nextSeqNum;
			startTimestamp = -1;
			long max = this.maxTimestamp;
			for (AppendRecord record : input.getRecordsList()) {
				long ts = ("arrival".equals(mode) || !record.hasTimestamp()) ? now : record.getTimestamp();
				if (!uncapped && ts > now) {
					ts = now;
				}
				if (ts < max) {
					ts = max;
				}
				max = ts;
				if (startTimestamp < 0) {
					startTimestamp = ts;
				}
				long seqNum = this.nextSeqNum++;
				SequencedRecord.Builder builder = SequencedRecord.newBuilder()
					.setSeqNum(seqNum)
					.setTimestamp(ts)
					.setBody(record.getBody());
				if (record.getHeadersCount() > 0) {
					builder.addAllHeaders(record.getHeadersList());
				}
				SequencedRecord sequenced = builder.build();
				applyCommand(sequenced);
				this.entries.add(new Entry(sequenced, now, (int) MeteredSize.of(sequenced)));
				if (journaled) {
					batch.addRecords(sequenced);
				}
			}
			this.maxTimestamp = max;
			this.lastActivityMillis = now;
			end = this.nextSeqNum;
			lastTimestamp = max;
			durable = !journaled ? DURABLE : this.journal
				.append(new JournalEntry.RecordsAppended(this.basin, name(), batch.build().toByteArray()));
		}
		StreamPosition startPosition = new StreamPosition(start, startTimestamp);
		StreamPosition endPosition = new StreamPosition(end, lastTimestamp);
		Function<Object, AppendAck> acknowledge = (ignored) -> {
			StreamPosition tail = commit(end, lastTimestamp);
			return AppendAck.newBuilder()
				.setStart(startPosition.toProto())
				.setEnd(endPosition.toProto())
				.setTail(tail.toProto())
				.build();
		};
		// The journal completes futures on its writer thread, which must never wait for
		// this stream's lock (an appender may hold it while the journal is full).
		return durable.isDone() ? durable.thenApply(acknowledge) : durable.thenApplyAsync(acknowledge, this.committer);
	}

	/**
	 * Replays records read back from the journal: they are committed at once.
	 * @param batch the records
	 */
	synchronized void replay(ReadBatch batch) {
		for (SequencedRecord record : batch.getRecordsList()) {
			if (record.getSeqNum() < this.nextSeqNum) {
				continue;
			}
			this.nextSeqNum = record.getSeqNum() + 1;
			this.maxTimestamp = Math.max(this.maxTimestamp, record.getTimestamp());
			applyCommand(record);
			this.entries.add(new Entry(record, this.clock.millis(), (int) MeteredSize.of(record)));
			this.lastActivityMillis = this.clock.millis();
		}
		if (this.entries.isEmpty()) {
			this.firstSeqNum = this.nextSeqNum;
		}
		else {
			this.firstSeqNum = this.entries.get(0).record().getSeqNum();
		}
		commit(this.nextSeqNum, this.maxTimestamp);
	}

	private void applyCommand(SequencedRecord record) {
		if (!CommandRecords.isCommand(record.getHeadersList())) {
			return;
		}
		Optional<Command> command = CommandRecords.parse(record.getHeadersList(), record.getBody());
		if (command.isPresent() && command.get() instanceof Command.Fence fence) {
			this.fencingToken = fence.fencingToken();
		}
		else if (command.isPresent() && command.get() instanceof Command.Trim trim) {
			long point = Math.min(trim.trimPoint(), record.getSeqNum() + 1);
			this.trimPoint = Math.max(this.trimPoint, point);
		}
	}

	private StreamPosition commit(long end, long timestamp) {
		List<Runnable> woken;
		StreamPosition tail;
		synchronized (this) {
			if (end > this.committedSeqNum) {
				this.committedSeqNum = end;
				this.committedTimestamp = Math.max(this.committedTimestamp, timestamp);
			}
			dropBefore(Math.min(this.trimPoint, this.committedSeqNum));
			tail = new StreamPosition(this.committedSeqNum, this.committedTimestamp);
			woken = takeWaiters();
		}
		woken.forEach(Runnable::run);
		return tail;
	}

	private void dropBefore(long seqNum) {
		int drop = 0;
		while (drop < this.entries.size() && this.entries.get(drop).record().getSeqNum() < seqNum) {
			drop++;
		}
		if (drop > 0) {
			this.entries.subList(0, drop).clear();
		}
		this.firstSeqNum = Math.max(this.firstSeqNum, seqNum);
	}

	/**
	 * Drops records that arrived before a cut-off (retention).
	 * @param arrivedBefore ms since the epoch
	 */
	synchronized void expire(long arrivedBefore) {
		int drop = 0;
		while (drop < this.entries.size() && this.entries.get(drop).arrivalMillis() < arrivedBefore
				&& this.entries.get(drop).record().getSeqNum() < this.committedSeqNum) {
			drop++;
		}
		if (drop > 0) {
			long next = (drop < this.entries.size()) ? this.entries.get(drop).record().getSeqNum()
					: this.committedSeqNum;
			dropBefore(next);
		}
	}

	/**
	 * Whether the stream holds no records and has been idle since a cut-off.
	 * @param idleSince ms since the epoch
	 * @return whether it may be deleted as empty
	 */
	synchronized boolean emptyAndIdleSince(long idleSince) {
		return this.entries.isEmpty() && this.lastActivityMillis <= idleSince;
	}

	/**
	 * The tail: the next sequence number and the timestamp of the last record.
	 * @return the committed tail
	 */
	public synchronized StreamPosition tail() {
		return new StreamPosition(this.committedSeqNum, this.committedTimestamp);
	}

	/**
	 * The current fencing token ({@code ""} when unfenced).
	 * @return the token
	 */
	public synchronized String fencingToken() {
		return this.fencingToken;
	}

	/**
	 * The sequence number of the first committed record whose timestamp is at least the
	 * given one, or the tail if there is none.
	 * @param timestamp ms since the epoch
	 * @return the sequence number
	 */
	public synchronized long seqNumAtTimestamp(long timestamp) {
		int low = 0;
		int high = committedCount();
		while (low < high) {
			int mid = (low + high) >>> 1;
			if (this.entries.get(mid).record().getTimestamp() < timestamp) {
				low = mid + 1;
			}
			else {
				high = mid;
			}
		}
		return (low < committedCount()) ? this.entries.get(low).record().getSeqNum() : this.committedSeqNum;
	}

	/**
	 * Reads committed records.
	 * @param from the first sequence number wanted (earlier trimmed records are skipped)
	 * @param maxRecords most records to return
	 * @param maxBytes most metered bytes to return
	 * @param until exclusive timestamp bound, {@link Long#MAX_VALUE} for none
	 * @return the chunk
	 */
	public synchronized ReadChunk read(long from, int maxRecords, long maxBytes, long until) {
		long start = Math.max(from, this.firstSeqNum);
		List<SequencedRecord> records = new ArrayList<>();
		long bytes = 0;
		boolean untilReached = false;
		int committed = committedCount();
		int index = (int) Math.max(0, start - this.firstSeqNum);
		long next = Math.min(start, this.committedSeqNum);
		while (index < committed && records.size() < maxRecords) {
			Entry entry = this.entries.get(index);
			if (entry.record().getTimestamp() >= until) {
				untilReached = true;
				break;
			}
			if (bytes + entry.metered() > maxBytes) {
				break;
			}
			records.add(entry.record());
			bytes += entry.metered();
			next = entry.record().getSeqNum() + 1;
			index++;
		}
		return new ReadChunk(records, bytes, next, new StreamPosition(this.committedSeqNum, this.committedTimestamp),
				untilReached);
	}

	private int committedCount() {
		return (int) Math.max(0, Math.min(this.entries.size(), this.committedSeqNum - this.firstSeqNum));
	}

	/**
	 * Registers a one-shot callback run (on the committing thread) when records at or
	 * after {@code nextSeqNum} are committed or the stream is deleted. If that already
	 * happened (for example between the caller's read and this call), the callback runs
	 * at once, so no commit can slip between a reader's last read and its wait.
	 * @param nextSeqNum the first sequence number the caller has not read
	 * @param waiter the callback; it must hand off quickly
	 */
	public void await(long nextSeqNum, Runnable waiter) {
		boolean ready;
		synchronized (this) {
			ready = this.committedSeqNum > nextSeqNum || deletedAt() != null;
			if (!ready) {
				this.waiters.add(waiter);
			}
		}
		if (ready) {
			waiter.run();
		}
	}

	/**
	 * Removes a callback registered with {@link #await}.
	 * @param waiter the callback
	 */
	public synchronized void cancelAwait(Runnable waiter) {
		this.waiters.remove(waiter);
	}

	private void wakeWaiters() {
		List<Runnable> woken;
		synchronized (this) {
			woken = takeWaiters();
		}
		woken.forEach(Runnable::run);
	}

	private List<Runnable> takeWaiters() {
		if (this.waiters.isEmpty()) {
			return List.of();
		}
		List<Runnable> woken = this.waiters;
		this.waiters = new ArrayList<>();
		return woken;
	}

	private record Entry(SequencedRecord record, long arrivalMillis, int metered) {
	}

}
