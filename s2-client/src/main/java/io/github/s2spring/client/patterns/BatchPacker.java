package io.github.s2spring.client.patterns;

import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.client.data.AppendBatch;
import io.github.s2spring.client.data.AppendBatchBuilder;
import io.github.s2spring.client.data.AppendRecord;
import io.github.s2spring.protocol.limits.Limits;
import io.github.s2spring.protocol.limits.MeteredSize;

/**
 * The writer's one packer: records of consecutive messages go, in order, into one open
 * batch, written into its encoding the moment they are added (so a serialized message is
 * no longer referenced once it is packed). A batch is sealed as soon as it is full (1000
 * records, or no room left for another record within 1 MiB metered) and, when the writer
 * says so, with whatever it holds. Sealing gives every batch the fencing token and, when
 * chaining, the {@code match_seq_num} that follows the previous batch. Not thread-safe:
 * guarded by the writer's lock.
 */
final class BatchPacker {

	/** The smallest record a writer makes: no header, one byte of body. */
	private static final long SMALLEST_RECORD = MeteredSize.of(0, 0, 1);

	private final AppendBatchBuilder builder = AppendBatch.builder();

	private final @Nullable String fencingToken;

	private final boolean chained;

	private long nextMatchSeqNum;

	private @Nullable PackedBatch open;

	/**
	 * Creates a packer.
	 * @param matchSeqNum the {@code match_seq_num} of the first batch, if batches are
	 * chained
	 * @param fencingToken the token of every batch, if any
	 */
	BatchPacker(OptionalLong matchSeqNum, @Nullable String fencingToken) {
		this.fencingToken = fencingToken;
		this.chained = matchSeqNum.isPresent();
		this.nextMatchSeqNum = matchSeqNum.orElse(0);
	}

	/**
	 * Adds the records of one message, in order, after those already added.
	 * @param message the message they belong to; its parts are recorded
	 * @param records the records, each within 1 MiB metered
	 * @param sealed takes the batches that filled up, in order
	 */
	void add(PendingMessage message, List<AppendRecord> records, Consumer<PackedBatch> sealed) {
		PendingMessage.Part part = null;
		for (AppendRecord record : records) {
			PackedBatch batch = this.open;
			if (batch != null && !this.builder.fits(record)) {
				sealed.accept(seal());
				batch = null;
			}
			if (batch == null) {
				batch = new PackedBatch();
				this.open = batch;
			}
			this.builder.add(record);
			if (part == null || part.batch != batch) {
				part = new PendingMessage.Part(message, batch, batch.size);
				message.parts.add(part);
				batch.parts.add(part);
			}
			part.count++;
			batch.size++;
			if (isFull()) {
				sealed.accept(seal());
			}
		}
	}

	/**
	 * The open batch, if records wait in it.
	 * @return the open batch, or {@code null}
	 */
	@Nullable PackedBatch open() {
		return this.open;
	}

	/**
	 * Seals the open batch.
	 * @return the sealed batch
	 * @throws IllegalStateException if no batch is open
	 */
	PackedBatch seal() {
		PackedBatch batch = this.open;
		if (batch == null) {
			throw new IllegalStateException("No batch is open");
		}
		if (this.chained) {
			this.builder.matchSeqNum(this.nextMatchSeqNum);
			this.nextMatchSeqNum += batch.size;
		}
		if (this.fencingToken != null) {
			this.builder.fencingToken(this.fencingToken);
		}
		batch.seal(this.builder.build());
		this.open = null;
		return batch;
	}

	private boolean isFull() {
		return this.builder.size() >= Limits.MAX_BATCH_RECORDS
				|| this.builder.meteredBytes() + SMALLEST_RECORD > Limits.MAX_BATCH_METERED_BYTES;
	}

}
