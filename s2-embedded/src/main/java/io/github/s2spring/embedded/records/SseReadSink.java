package io.github.s2spring.embedded.records;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.netty.buffer.Unpooled;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;
import s2.v1.SequencedRecord;

import io.github.s2spring.embedded.config.Json;
import io.github.s2spring.embedded.error.ApiException;
import io.github.s2spring.embedded.http.Call;
import io.github.s2spring.protocol.StreamPosition;

/**
 * Delivers a read session as server-sent events: {@code batch} events whose id lets a
 * client resume ({@code seq_num,count,bytes}), {@code ping} heartbeats, an {@code error}
 * event, and {@code [DONE]} at a normal end.
 */
final class SseReadSink implements ReadSink {

	private final Call call;

	private final RecordFormat format;

	private long deliveredCount;

	private long deliveredBytes;

	SseReadSink(Call call, RecordFormat format, long deliveredCount, long deliveredBytes) {
		this.call = call;
		this.format = format;
		this.deliveredCount = deliveredCount;
		this.deliveredBytes = deliveredBytes;
	}

	@Override
	public void start() {
		this.call.startStream("text/event-stream");
	}

	@Override
	public void batch(List<SequencedRecord> records, long meteredBytes, @Nullable StreamPosition tail) {
		this.deliveredCount += records.size();
		this.deliveredBytes += meteredBytes;
		long last = records.get(records.size() - 1).getSeqNum();
		String data = new String(Json.write(RecordJson.readBatch(records, tail, this.format)), StandardCharsets.UTF_8);
		send("event: batch\nid: " + last + "," + this.deliveredCount + "," + this.deliveredBytes + "\ndata: " + data
				+ "\n\n");
	}

	@Override
	public void heartbeat(StreamPosition tail, boolean reconnectAdvised) {
		ObjectNode ping = Json.object();
		ping.put("timestamp", System.currentTimeMillis());
		ping.set("tail", RecordJson.position(tail));
		send("event: ping\ndata: " + new String(Json.write(ping), StandardCharsets.UTF_8) + "\n\n");
	}

	@Override
	public void end() {
		send("data: [DONE]\n\n");
		this.call.end();
	}

	@Override
	public void error(ApiException error) {
		send("event: error\ndata: " + error.json() + "\n\n");
		this.call.end();
	}

	private void send(String event) {
		this.call.write(Unpooled.wrappedBuffer(event.getBytes(StandardCharsets.UTF_8)));
	}

}
