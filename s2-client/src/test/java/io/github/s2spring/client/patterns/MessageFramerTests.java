package io.github.s2spring.client.patterns;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import io.github.s2spring.client.data.AppendRecord;
import io.github.s2spring.client.data.Header;
import io.github.s2spring.client.error.ValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MessageFramerTests {

	@Test
	void singleRecordMessageCarriesBothFrameHeaders() {
		MessageFramer framer = new MessageFramer(
				MessageWriterOptions.builder().dedupe(false).writerId(new WriterId("w")).build());
		PreparedMessage message = framer.frame(new byte[] { 1, 2, 3 });
		assertThat(message.records()).isEqualTo(1);
		assertThat(message.bytes()).isEqualTo(3);
		assertThat(message.firstDedupeSeq()).isEmpty();
		AppendRecord record = message.batches().get(0).records().get(0);
		assertThat(names(record)).containsExactly("_frame_records", "_frame_bytes");
		assertThat(PatternHeaders.decodeU64("r", record.headers().get(0).value())).isEqualTo(1);
		assertThat(PatternHeaders.decodeU64("b", record.headers().get(1).value())).isEqualTo(3);
		assertThat(record.body()).isEqualTo(ByteBuffer.wrap(new byte[] { 1, 2, 3 }));
		assertThat(record.timestamp()).isNull();
	}

	@Test
	void laterChunksCarryNoHeadersWithoutDedupe() {
		MessageFramer framer = new MessageFramer(MessageWriterOptions.builder().dedupe(false).chunkBytes(2).build());
		List<AppendRecord> records = records(framer.frame(new byte[] { 1, 2, 3, 4, 5 }));
		assertThat(records).hasSize(3);
		assertThat(names(records.get(0))).containsExactly("_frame_records", "_frame_bytes");
		assertThat(records.get(1).headers()).isEmpty();
		assertThat(records.get(2).headers()).isEmpty();
		assertThat(records.get(2).body().remaining()).isEqualTo(1);
	}

	@Test
	void dedupeSequenceCountsRecordsAcrossMessages() {
		MessageFramer framer = new MessageFramer(
				MessageWriterOptions.builder().chunkBytes(2).firstDedupeSeq(7).writerId(new WriterId("abc")).build());
		PreparedMessage first = framer.frame(new byte[5]);
		PreparedMessage second = framer.frame(new byte[1]);
		assertThat(first.firstDedupeSeq()).isEqualTo(OptionalLong.of(7));
		assertThat(second.firstDedupeSeq()).isEqualTo(OptionalLong.of(10));
		assertThat(framer.nextDedupeSeq()).isEqualTo(11);
		List<AppendRecord> all = new ArrayList<>(records(first));
		all.addAll(records(second));
		assertThat(all).extracting((record) -> PatternHeaders.decodeU64("s", header(record, "_dedupe_seq")))
			.containsExactly(7L, 8L, 9L, 10L);
		assertThat(all).extracting((record) -> StandardCharsets.UTF_8.decode(header(record, "_writer_id")).toString())
			.containsOnly("abc");
		assertThat(names(all.get(1))).containsExactly("_dedupe_seq", "_writer_id");
	}

	@Test
	void emptyMessageIsRefusedWithoutUsingAStamp() {
		MessageFramer framer = new MessageFramer(MessageWriterOptions.defaults());
		assertThatExceptionOfType(EmptyMessageException.class).isThrownBy(() -> framer.frame(new byte[0]))
			.withMessageContaining("0 bytes");
		assertThat(framer.nextDedupeSeq()).isZero();
	}

	@Test
	void messageOverTheLimitIsRefusedWithoutUsingAStamp() {
		MessageFramer framer = new MessageFramer(MessageWriterOptions.builder().maxMessageBytes(10).build());
		assertThatExceptionOfType(FrameSizeException.class).isThrownBy(() -> framer.frame(new byte[11]))
			.withMessage("Message of 11 bytes exceeds the limit of 10 bytes")
			.satisfies((ex) -> {
				assertThat(ex.frameBytes()).isEqualTo(11);
				assertThat(ex.maxFrameBytes()).isEqualTo(10);
			});
		assertThat(framer.nextDedupeSeq()).isZero();
		assertThat(framer.frame(new byte[10]).records()).isEqualTo(1);
	}

	@Test
	void defaultLimitIsOneHundredMebibytes() {
		assertThat(MessageWriterOptions.defaults().maxMessageBytes()).isEqualTo(100L * 1024 * 1024);
		assertThat(MessageWriterOptions.defaults().dedupe()).isTrue();
		assertThat(MessageWriterOptions.defaults().writerId().value()).matches("[A-Za-z0-9_-]{12}");
	}

	@Test
	void longerWriterIdNeedsASmallerChunk() {
		WriterId longId = new WriterId("a-writer-id-of-20-ch");
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> MessageWriterOptions.builder().writerId(longId).build())
			.withMessageContaining("chunk size 1048477")
			.withMessageContaining("between 1 and 1048469");
		assertThat(MessageWriterOptions.builder().writerId(longId).chunkBytes(1_048_469).build().chunkBytes())
			.isEqualTo(1_048_469);
		assertThat(MessageWriterOptions.builder().dedupe(false).chunkBytes(1_048_576 - 8 - 4 - 44).build()).isNotNull();
	}

	@Test
	void optionsOutOfRangeAreRefused() {
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> MessageWriterOptions.builder().chunkBytes(0).build())
			.withMessageContaining("chunk size");
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> MessageWriterOptions.builder().maxMessageBytes(0).build())
			.withMessageContaining("max message size");
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> MessageWriterOptions.builder().firstDedupeSeq(-1).build())
			.withMessageContaining("first dedupe seq");
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> MessageWriterOptions.builder().maxResends(-1).build())
			.withMessageContaining("max resends");
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> new WriterId(""))
			.withMessageContaining("writer id");
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> new PreparedMessage(List.of(), 0, 0, OptionalLong.empty()))
			.withMessageContaining("at least one batch");
	}

	@Test
	void randomWriterIdsUseTheNanoidAlphabet() {
		for (int i = 0; i < 200; i++) {
			assertThat(WriterId.random().toString()).matches("[A-Za-z0-9_-]{12}");
		}
		assertThat(WriterId.random()).isNotEqualTo(WriterId.random());
	}

	@Test
	void u64IsEightBytesBigEndian() {
		assertThat(TestRecords.bytes(PatternHeaders.encodeU64(0x0102030405060708L))).containsExactly(1, 2, 3, 4, 5, 6,
				7, 8);
		assertThat(PatternHeaders.decodeU64("x", PatternHeaders.encodeU64(-1L))).isEqualTo(-1L);
		assertThatExceptionOfType(MalformedHeaderException.class)
			.isThrownBy(() -> PatternHeaders.decodeU64("_frame_bytes", ByteBuffer.wrap(new byte[4])))
			.withMessage("Header _frame_bytes must hold exactly 8 bytes (a big-endian u64), got 4 bytes");
	}

	static List<AppendRecord> records(PreparedMessage message) {
		List<AppendRecord> records = new ArrayList<>();
		message.batches().forEach((batch) -> records.addAll(batch.records()));
		return records;
	}

	private static List<String> names(AppendRecord record) {
		return record.headers().stream().map((header) -> header.nameAsString()).toList();
	}

	private static ByteBuffer header(AppendRecord record, String name) {
		for (Header header : record.headers()) {
			if (header.nameAsString().equals(name)) {
				return header.value();
			}
		}
		throw new AssertionError("no header " + name);
	}

}
