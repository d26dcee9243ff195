package io.github.s2spring.embedded.records;

import java.util.concurrent.TimeUnit;

import io.netty.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;
import s2.v1.ReadBatch;

import io.github.s2spring.embedded.http.Call;
import io.github.s2spring.embedded.store.ReadChunk;
import io.github.s2spring.embedded.store.Stream;
import io.github.s2spring.protocol.limits.Limits;

/**
 * A unary read: at most 1000 records and 1 MiB, answered at once when records are
 * available, or after waiting up to {@code wait} seconds (at most 60) for the first new
 * ones.
 */
final class UnaryRead {

	private final Call call;

	private final Stream stream;

	private final boolean protobuf;

	private final RecordFormat format;

	private final long start;

	private final int maxRecords;

	private final long maxBytes;

	private final long until;

	private final long waitSecs;

	private boolean done;

	private @Nullable ScheduledFuture<?> timer;

	private final Runnable wake = this::wake;

	UnaryRead(Call call, Stream stream, ReadRequest request, boolean protobuf, RecordFormat format) {
		this.call = call;
		this.stream = stream;
		this.protobuf = protobuf;
		this.format = format;
		this.waitSecs = request.unaryWaitSecs();
		this.start = request.start(stream, this.waitSecs > 0);
		this.maxRecords = (int) Math.min(request.countLimit(), Limits.MAX_BATCH_RECORDS);
		this.maxBytes = Math.min(request.bytesLimit(), Limits.MAX_BATCH_METERED_BYTES);
		this.until = request.untilLimit();
	}

	void start() {
		ReadChunk chunk = this.stream.read(this.start, this.maxRecords, this.maxBytes, this.until);
		if (!chunk.records().isEmpty() || this.waitSecs == 0 || this.maxRecords == 0 || chunk.untilReached()
				|| !chunk.atTail()) {
			respond(chunk);
			return;
		}
		this.call.onClose(this::cancel);
		this.timer = this.call.eventLoop().schedule(this::expire, this.waitSecs, TimeUnit.SECONDS);
		this.stream.await(this.start, this.wake);
	}

	private void wake() {
		this.call.eventLoop().execute(() -> {
			if (this.done) {
				return;
			}
			ReadChunk chunk = this.stream.read(this.start, this.maxRecords, this.maxBytes, this.until);
			if (chunk.records().isEmpty() && !chunk.untilReached() && this.stream.deletedAt() == null) {
				this.stream.await(this.start, this.wake);
				return;
			}
			respond(chunk);
		});
	}

	private void expire() {
		if (!this.done) {
			respond(this.stream.read(this.start, this.maxRecords, this.maxBytes, this.until));
		}
	}

	private void cancel() {
		this.done = true;
		this.stream.cancelAwait(this.wake);
		if (this.timer != null) {
			this.timer.cancel(false);
		}
	}

	private void respond(ReadChunk chunk) {
		cancel();
		if (this.protobuf) {
			ReadBatch.Builder batch = ReadBatch.newBuilder().addAllRecords(chunk.records());
			if (chunk.atTail()) {
				batch.setTail(chunk.tail().toProto());
			}
			this.call.respond(200, RecordEndpoints.PROTOBUF, batch.build().toByteArray());
		}
		else {
			this.call.respondJson(200,
					RecordJson.readBatch(chunk.records(), chunk.atTail() ? chunk.tail() : null, this.format));
		}
	}

}
