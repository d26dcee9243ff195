package io.github.s2spring.client.patterns;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.UnpooledByteBufAllocator;
import org.junit.jupiter.api.Test;

import io.github.s2spring.client.data.AppendBatch;
import io.github.s2spring.client.data.AppendRecord;
import io.github.s2spring.client.data.Header;
import io.github.s2spring.protocol.s2s.Compression;
import io.github.s2spring.protocol.s2s.S2sFrameEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The records of the verified TypeScript layout (ts-sdk.md §3.3): two messages through
 * one writer with chunk size 4 and dedupe seq 0, then one message through a new writer
 * with dedupe seq 100.
 */
class TsWireLayoutTests {

	record A(String a) {
	}

	record B(int b) {
	}

	record C(String c) {
	}

	@Test
	void recordsMatchTheTypeScriptLayoutByteForByte() {
		MessageFramer first = new MessageFramer(options("wCbx0verZFaH", 0));
		MessageFramer second = new MessageFramer(options("tpSb6SaOINwv", 100));
		List<AppendRecord> records = new ArrayList<>();
		records.addAll(records(first.frame(S2Serializer.json(A.class).serialize(new A("0123456789")))));
		records.addAll(records(first.frame(S2Serializer.json(B.class).serialize(new B(1)))));
		records.addAll(records(second.frame(S2Serializer.json(C.class).serialize(new C("xyz")))));

		String w1 = "77436278307665725a466148";
		String w2 = "747053623653614f494e7776";
		List<String> expected = List.of(
				"{\"a\" _frame_records=0000000000000005 _frame_bytes=0000000000000012 _dedupe_seq=0000000000000000 _writer_id="
						+ w1,
				":\"01 _dedupe_seq=0000000000000001 _writer_id=" + w1,
				"2345 _dedupe_seq=0000000000000002 _writer_id=" + w1,
				"6789 _dedupe_seq=0000000000000003 _writer_id=" + w1,
				"\"} _dedupe_seq=0000000000000004 _writer_id=" + w1,
				"{\"b\" _frame_records=0000000000000002 _frame_bytes=0000000000000007 _dedupe_seq=0000000000000005 _writer_id="
						+ w1,
				":1} _dedupe_seq=0000000000000006 _writer_id=" + w1,
				"{\"c\" _frame_records=0000000000000003 _frame_bytes=000000000000000b _dedupe_seq=0000000000000064 _writer_id="
						+ w2,
				":\"xy _dedupe_seq=0000000000000065 _writer_id=" + w2,
				"z\"} _dedupe_seq=0000000000000066 _writer_id=" + w2);
		assertThat(records).extracting(TsWireLayoutTests::describe).containsExactlyElementsOf(expected);
	}

	@Test
	void firstChunkS2sFrameMatchesTheTypeScriptBytes() {
		MessageFramer framer = new MessageFramer(options("wCbx0verZFaH", 0));
		AppendRecord first = records(framer.frame(S2Serializer.json(A.class).serialize(new A("0123456789")))).get(0);
		ByteBuf frame = new S2sFrameEncoder(Compression.NONE).encode(AppendBatch.of(first).encoded(), false,
				UnpooledByteBufAllocator.DEFAULT);
		try {
			String hex = ByteBufUtil.hexDump(frame);
			assertThat(hex).startsWith("000074000a71121a0a0e5f6672616d655f7265636f726473");
			assertThat(frame.readableBytes()).isEqualTo(3 + 0x74);
		}
		finally {
			frame.release();
		}
	}

	@Test
	void maxChunkBodyIsTheTypeScriptConstant() {
		assertThat(PatternHeaders.maxChunkBytes(true, "wCbx0verZFaH")).isEqualTo(PatternHeaders.MAX_CHUNK_BODY_BYTES)
			.isEqualTo(1_048_477);
		assertThat(MessageWriterOptions.defaults().chunkBytes()).isEqualTo(1_048_477);
	}

	private static MessageWriterOptions options(String writerId, long firstSeq) {
		return MessageWriterOptions.builder()
			.chunkBytes(4)
			.writerId(new WriterId(writerId))
			.firstDedupeSeq(firstSeq)
			.build();
	}

	private static List<AppendRecord> records(PreparedMessage message) {
		return message.records();
	}

	private static String describe(AppendRecord record) {
		StringBuilder text = new StringBuilder(record.bodyAsString());
		for (Header header : record.headers()) {
			text.append(' ')
				.append(header.nameAsString())
				.append('=')
				.append(HexFormat.of().formatHex(TestRecords.bytes(header.value())));
		}
		return text.toString();
	}

}
