package io.github.s2spring.client.internal.data;

import java.util.List;

import com.google.protobuf.ByteString;

import io.github.s2spring.client.data.AppendAck;
import io.github.s2spring.client.data.Header;
import io.github.s2spring.client.data.ReadBatch;
import io.github.s2spring.client.data.SequencedRecord;
import io.github.s2spring.protocol.StreamPosition;

/**
 * Converts the protobuf messages S2 answers with into the SDK's own types. Bodies, header
 * names and values become read-only views of the message's bytes: for a message parsed
 * with aliasing from a frame, views of that frame, never copies.
 */
final class ProtoRecords {

	private ProtoRecords() {
	}

	static ReadBatch readBatch(s2.v1.ReadBatch batch) {
		int count = batch.getRecordsCount();
		SequencedRecord[] records = new SequencedRecord[count];
		for (int i = 0; i < count; i++) {
			records[i] = sequencedRecord(batch.getRecords(i));
		}
		return new ReadBatch(List.of(records), batch.hasTail() ? StreamPosition.of(batch.getTail()) : null);
	}

	static SequencedRecord sequencedRecord(s2.v1.SequencedRecord record) {
		int count = record.getHeadersCount();
		Header[] headers = new Header[count];
		for (int i = 0; i < count; i++) {
			s2.v1.Header header = record.getHeaders(i);
			headers[i] = new Header(view(header.getName()), view(header.getValue()));
		}
		return new SequencedRecord(record.getSeqNum(), record.getTimestamp(), List.of(headers), view(record.getBody()));
	}

	static AppendAck appendAck(s2.v1.AppendAck ack) {
		return new AppendAck(StreamPosition.of(ack.getStart()), StreamPosition.of(ack.getEnd()),
				StreamPosition.of(ack.getTail()));
	}

	private static java.nio.ByteBuffer view(ByteString bytes) {
		return bytes.asReadOnlyByteBuffer();
	}

}
