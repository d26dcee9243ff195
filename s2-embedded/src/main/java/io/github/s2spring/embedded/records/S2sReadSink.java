package io.github.s2spring.embedded.records;

import java.util.List;

import org.jspecify.annotations.Nullable;
import s2.v1.ReadBatch;
import s2.v1.SequencedRecord;

import io.github.s2spring.embedded.error.ApiException;
import io.github.s2spring.embedded.http.Call;
import io.github.s2spring.protocol.StreamPosition;
import io.github.s2spring.protocol.s2s.Compression;
import io.github.s2spring.protocol.s2s.S2sFrame;
import io.github.s2spring.protocol.s2s.S2sFrameEncoder;

/**
 * Delivers a read session as S2S frames of {@code ReadBatch}; errors end it with a
 * terminal frame.
 */
final class S2sReadSink implements ReadSink {

	static final String CONTENT_TYPE = "s2s/proto";

	private final Call call;

	private final S2sFrameEncoder encoder;

	S2sReadSink(Call call) {
		this.call = call;
		this.encoder = new S2sFrameEncoder(Compression.negotiate(call.header("accept-encoding")));
	}

	@Override
	public void start() {
		this.call.startStream(CONTENT_TYPE);
	}

	@Override
	public void batch(List<SequencedRecord> records, long meteredBytes, @Nullable StreamPosition tail) {
		ReadBatch.Builder batch = ReadBatch.newBuilder().addAllRecords(records);
		if (tail != null) {
			batch.setTail(tail.toProto());
		}
		this.call.write(this.encoder.encode(batch.build(), false, this.call.alloc()));
	}

	@Override
	public void heartbeat(StreamPosition tail, boolean reconnectAdvised) {
		ReadBatch batch = ReadBatch.newBuilder().setTail(tail.toProto()).build();
		this.call.write(this.encoder.encode(batch, reconnectAdvised, this.call.alloc()));
	}

	@Override
	public void end() {
		this.call.end();
	}

	@Override
	public void error(ApiException error) {
		this.call.write(this.encoder.encode(new S2sFrame.Terminal(error.status(), error.json()), this.call.alloc()));
		this.call.end();
	}

}
