package io.github.s2spring.embedded.records;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.netty.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;

import io.github.s2spring.embedded.error.ApiException;
import io.github.s2spring.embedded.http.Call;
import io.github.s2spring.embedded.http.Drainable;
import io.github.s2spring.embedded.store.ReadChunk;
import io.github.s2spring.embedded.store.Stream;
import io.github.s2spring.protocol.StreamPosition;
import io.github.s2spring.protocol.error.ErrorCode;
import io.github.s2spring.protocol.limits.Limits;

/**
 * A streaming read (S2S or SSE), run on its channel's event loop. It catches up from the
 * start, then follows the tail: a heartbeat as soon as it reaches the tail, then one
 * after every 5 to 15 quiet seconds. It writes only while the channel is writable, so a
 * slow reader is held back by flow control instead of by growing buffers, and it is woken
 * by the stream when records are committed, never by polling.
 */
final class ReadSession implements Drainable {

	private static final long MIN_HEARTBEAT_MILLIS = 5_000;

	private static final long MAX_HEARTBEAT_MILLIS = 15_000;

	private final Call call;

	private final Stream stream;

	private final ReadSink sink;

	private final boolean mayFollow;

	private final long until;

	private final long waitMillis;

	private long nextSeqNum;

	private long remainingCount;

	private long remainingBytes;

	private boolean following;

	private boolean closed;

	private boolean awaiting;

	private @Nullable ScheduledFuture<?> heartbeat;

	private @Nullable ScheduledFuture<?> waitTimer;

	private final Runnable wake = this::wake;

	ReadSession(Call call, Stream stream, ReadSink sink, ReadRequest request, long start) {
		this.call = call;
		this.stream = stream;
		this.sink = sink;
		this.nextSeqNum = start;
		this.remainingCount = request.countLimit();
		this.remainingBytes = request.bytesLimit();
		this.until = request.untilLimit();
		Long waitSecs = request.waitSecs();
		long wait = (waitSecs != null) ? waitSecs : (request.bounded() ? 0 : -1);
		this.waitMillis = (wait < 0) ? -1 : TimeUnit.SECONDS.toMillis(wait);
		this.mayFollow = !request.bounded() || wait > 0;
	}

	static boolean mayFollow(ReadRequest request) {
		return !request.bounded() || (request.waitSecs() != null && request.waitSecs() > 0);
	}

	void start() {
		this.call.context().register(this);
		this.call.onClose(this::cleanUp);
		this.sink.start();
		pump();
	}

	private void pump() {
		try {
			step();
		}
		catch (RuntimeException ex) {
			finish(ApiException.from(ex));
		}
	}

	private void step() {
		while (!this.closed) {
			if (this.remainingCount == 0 || this.remainingBytes == 0) {
				finish(null);
				return;
			}
			if (this.stream.deletedAt() != null) {
				finish(ApiException.of(ErrorCode.STREAM_NOT_FOUND, "Stream was deleted: " + this.stream.name()));
				return;
			}
			if (!this.call.isWritable()) {
				this.call.onWritable(this::pump);
				return;
			}
			ReadChunk chunk = this.stream.read(this.nextSeqNum,
					(int) Math.min(Limits.MAX_BATCH_RECORDS, this.remainingCount),
					Math.min(Limits.MAX_BATCH_METERED_BYTES, this.remainingBytes), this.until);
			if (!chunk.records().isEmpty()) {
				deliver(chunk);
				continue;
			}
			if (chunk.untilReached() || !chunk.atTail()) {
				finish(null);
				return;
			}
			if (!this.mayFollow) {
				finish(null);
				return;
			}
			if (!this.following) {
				this.following = true;
				this.sink.heartbeat(chunk.tail(), this.call.context().draining());
				armWait();
			}
			awaitRecords();
			return;
		}
	}

	private void deliver(ReadChunk chunk) {
		StreamPosition tail = chunk.atTail() ? chunk.tail() : null;
		this.sink.batch(chunk.records(), chunk.meteredBytes(), tail);
		this.nextSeqNum = chunk.nextSeqNum();
		if (this.remainingCount != Long.MAX_VALUE) {
			this.remainingCount -= chunk.records().size();
		}
		if (this.remainingBytes != Long.MAX_VALUE) {
			this.remainingBytes -= chunk.meteredBytes();
		}
		if (this.following) {
			armWait();
			scheduleHeartbeat();
		}
	}

	private void awaitRecords() {
		if (!this.awaiting) {
			this.awaiting = true;
			this.stream.await(this.wake);
		}
		if (this.heartbeat == null) {
			scheduleHeartbeat();
		}
	}

	private void wake() {
		this.call.eventLoop().execute(() -> {
			this.awaiting = false;
			pump();
		});
	}

	private void scheduleHeartbeat() {
		if (this.heartbeat != null) {
			this.heartbeat.cancel(false);
		}
		long delay = ThreadLocalRandom.current().nextLong(MIN_HEARTBEAT_MILLIS, MAX_HEARTBEAT_MILLIS);
		this.heartbeat = this.call.eventLoop().schedule(() -> {
			this.heartbeat = null;
			if (!this.closed) {
				this.sink.heartbeat(this.stream.tail(), this.call.context().draining());
				scheduleHeartbeat();
			}
		}, delay, TimeUnit.MILLISECONDS);
	}

	private void armWait() {
		if (this.waitMillis < 0) {
			return;
		}
		if (this.waitTimer != null) {
			this.waitTimer.cancel(false);
		}
		this.waitTimer = this.call.eventLoop().schedule(() -> finish(null), this.waitMillis, TimeUnit.MILLISECONDS);
	}

	private void finish(@Nullable ApiException error) {
		if (this.closed) {
			return;
		}
		cleanUp();
		if (error != null) {
			this.sink.error(error);
		}
		else {
			this.sink.end();
		}
	}

	private void cleanUp() {
		this.closed = true;
		this.stream.cancelAwait(this.wake);
		if (this.heartbeat != null) {
			this.heartbeat.cancel(false);
		}
		if (this.waitTimer != null) {
			this.waitTimer.cancel(false);
		}
		this.call.context().unregister(this);
	}

	@Override
	public void drain() {
		this.call.eventLoop().execute(() -> {
			if (this.closed) {
				return;
			}
			if (this.sink instanceof S2sReadSink) {
				this.sink.heartbeat(this.stream.tail(), true);
				finish(null);
			}
			else {
				finish(ApiException.of(ErrorCode.SERVER_DRAINING, "Server is shutting down; reconnect"));
			}
		});
	}

}
