package io.github.s2spring.embedded.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import com.google.protobuf.ByteString;
import org.junit.jupiter.api.Test;
import s2.v1.AppendAck;
import s2.v1.AppendInput;
import s2.v1.AppendRecord;

import io.github.s2spring.embedded.config.BasinSpec;
import io.github.s2spring.embedded.config.StreamSpec;
import io.github.s2spring.embedded.error.ApiException;
import io.github.s2spring.embedded.storage.Journal;
import io.github.s2spring.embedded.storage.JournalEntry;
import io.github.s2spring.protocol.limits.CommandRecords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class StoreTests {

	final AtomicLong now = new AtomicLong(1_000_000);

	static AppendInput batch(AppendRecord... records) {
		return AppendInput.newBuilder().addAllRecords(List.of(records)).build();
	}

	static AppendRecord record(String body) {
		return AppendRecord.newBuilder().setBody(ByteString.copyFromUtf8(body)).build();
	}

	@Test
	void replaysTheJournalIntoTheSameState() throws Exception {
		RecordingJournal journal = new RecordingJournal();
		try (Store store = new Store(journal, this.now::get)) {
			store.createBasin("replay-basin", new BasinSpec(StreamSpec.EMPTY, null, true, false), null);
			Basin basin = store.basin("replay-basin");
			basin.createStream("kept", new StreamSpec("standard", null, null, null, null), null);
			basin.createStream("gone", StreamSpec.EMPTY, null);
			Stream kept = basin.stream("kept");
			kept.append(batch(record("a"), record("b"), CommandRecords.fence("tok"))).get();
			kept.append(batch(CommandRecords.trim(1))).get();
			basin.deleteStream("gone");
			store.reconfigureBasin("replay-basin",
					(spec) -> new BasinSpec(spec.defaultStreamConfig(), null, true, true));
			store.createBasin("dropped-basin", BasinSpec.DEFAULT, null);
			store.deleteBasin("dropped-basin");
		}
		try (Store replayed = new Store(journal.replaying(), this.now::get)) {
			Basin basin = replayed.basin("replay-basin");
			assertThat(basin.spec().createStreamOnRead()).isTrue();
			assertThat(basin.listStreams("", "", 10).items()).extracting(Stream::name).containsExactly("kept");
			Stream kept = basin.stream("kept");
			assertThat(kept.spec().storageClass()).isEqualTo("standard");
			assertThat(kept.tail().seqNum()).isEqualTo(4);
			assertThat(kept.fencingToken()).isEqualTo("tok");
			assertThat(kept.read(0, 10, Long.MAX_VALUE, Long.MAX_VALUE).records()).extracting((r) -> r.getSeqNum())
				.containsExactly(1L, 2L, 3L);
			assertThatExceptionOfType(ApiException.class).isThrownBy(() -> replayed.basin("dropped-basin"));
		}
	}

	@Test
	void acknowledgesOnlyAfterTheJournalIsDurable() throws Exception {
		RecordingJournal journal = new RecordingJournal();
		journal.hold = true;
		try (Store store = new Store(journal, this.now::get)) {
			journal.hold = false;
			store.createBasin("durable-basin", BasinSpec.DEFAULT, null);
			Stream stream = store.basin("durable-basin").createStream("s", StreamSpec.EMPTY, null).resource();
			journal.hold = true;
			CompletableFuture<AppendAck> ack = stream.append(batch(record("x")));
			assertThat(ack).isNotDone();
			assertThat(stream.tail().seqNum()).isZero();
			journal.release();
			assertThat(ack.get().getEnd().getSeqNum()).isEqualTo(1);
			assertThat(stream.tail().seqNum()).isEqualTo(1);
		}
	}

	@Test
	void appliesRetentionAndDeletesEmptyStreams() throws Exception {
		try (Store store = new Store(Journal.none(), this.now::get)) {
			store.createBasin("sweep-basin", BasinSpec.DEFAULT, null);
			Basin basin = store.basin("sweep-basin");
			Stream retained = basin.createStream("retained", new StreamSpec(null, 10L, null, null, null), null)
				.resource();
			retained.append(batch(record("old"))).get();
			this.now.addAndGet(5_000);
			retained.append(batch(record("new"))).get();
			this.now.addAndGet(6_000);
			store.sweep();
			assertThat(retained.read(0, 10, Long.MAX_VALUE, Long.MAX_VALUE).records())
				.extracting((r) -> r.getBody().toStringUtf8())
				.containsExactly("new");
			Stream empty = basin.createStream("empty", new StreamSpec(null, null, null, null, 30L), null).resource();
			basin.createStream("forever", new StreamSpec(null, StreamSpec.INFINITE_RETENTION, null, null, null), null);
			store.sweep();
			assertThat(empty.deletedAt()).isNull();
			this.now.addAndGet(31_000);
			store.sweep();
			assertThat(empty.deletedAt()).isNotNull();
			assertThat(basin.stream("forever").deletedAt()).isNull();
		}
	}

	@Test
	void readsByTimestampAndHonoursUntilAndByteBounds() throws Exception {
		try (Store store = new Store(Journal.none(), this.now::get)) {
			store.createBasin("time-basin", BasinSpec.DEFAULT, null);
			Stream stream = store.basin("time-basin").createStream("t", StreamSpec.EMPTY, null).resource();
			stream.append(batch(record("a").toBuilder().setTimestamp(10).build(),
					record("b").toBuilder().setTimestamp(20).build(), record("c").toBuilder().setTimestamp(5).build()))
				.get();
			assertThat(stream.seqNumAtTimestamp(15)).isEqualTo(1);
			assertThat(stream.seqNumAtTimestamp(21)).isEqualTo(3);
			ReadChunk chunk = stream.read(0, 10, Long.MAX_VALUE, 20);
			assertThat(chunk.records()).hasSize(1);
			assertThat(chunk.untilReached()).isTrue();
			assertThat(stream.read(0, 10, 9, Long.MAX_VALUE).records()).hasSize(1);
			assertThat(stream.read(0, 10, Long.MAX_VALUE, Long.MAX_VALUE).records().get(2).getTimestamp())
				.isEqualTo(20);
			List<Runnable> woken = new ArrayList<>();
			Runnable waiter = () -> woken.add(() -> {
			});
			stream.await(waiter);
			stream.cancelAwait(waiter);
			stream.append(batch(record("d"))).get();
			assertThat(woken).isEmpty();
		}
	}

	static final class RecordingJournal implements Journal {

		final List<JournalEntry> entries = new ArrayList<>();

		final List<CompletableFuture<Void>> held = new ArrayList<>();

		volatile boolean hold;

		@Override
		public synchronized CompletableFuture<Void> append(JournalEntry entry) {
			this.entries.add(entry);
			if (this.hold && entry instanceof JournalEntry.RecordsAppended) {
				CompletableFuture<Void> future = new CompletableFuture<>();
				this.held.add(future);
				return future;
			}
			return CompletableFuture.completedFuture(null);
		}

		synchronized void release() {
			this.hold = false;
			this.held.forEach((future) -> future.complete(null));
			this.held.clear();
		}

		@Override
		public void replay(Consumer<JournalEntry> consumer) {
		}

		@Override
		public void close() {
		}

		Journal replaying() {
			List<JournalEntry> copy = List.copyOf(this.entries);
			return new Journal() {
				@Override
				public CompletableFuture<Void> append(JournalEntry entry) {
					return CompletableFuture.completedFuture(null);
				}

				@Override
				public void replay(Consumer<JournalEntry> consumer) {
					copy.forEach(consumer);
				}

				@Override
				public void close() {
				}
			};
		}

	}

}
