package io.github.s2spring.client.patterns;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
		assertThat(message.recordCount()).isEqualTo(1);
		assertThat(message.bytes()).isEqualTo(3);
		assertThat(message.firstDedupeSeq()).isEmpty();
		AppendRecord record = message.records().get(0);
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
		assertThat(framer.frame(new byte[10]).recordCount()).isEqualTo(1);
	}

	@Test
	void defaultsAreTheDocumentedOnes() {
		MessageWriterOptions defaults = MessageWriterOptions.defaults();
		assertThat(defaults.maxMessageBytes()).isEqualTo(100L * 1024 * 1024);
		assertThat(defaults.dedupe()).isTrue();
		assertThat(defaults.writerId()).isNull();
		assertThat(defaults.linger()).isZero();
		assertThat(defaults.maxQueuedMessages()).isEqualTo(1000);
		assertThat(defaults.maxQueuedBytes()).isEqualTo(64L * 1024 * 1024);
		assertThat(defaults.matchSeqNum()).isEmpty();
		assertThat(defaults.fencingToken()).isNull();
	}

	@Test
	void everyFramerOfSharedOptionsDrawsItsOwnWriterId() {
		MessageWriterOptions shared = MessageWriterOptions.defaults();
		WriterId first = new MessageFramer(shared).writerId();
		assertThat(first.value()).matches("[A-Za-z0-9_-]{12}");
		assertThat(new MessageFramer(shared).writerId()).isNotEqualTo(first);
		WriterId fixed = new WriterId("fixed");
		assertThat(new MessageFramer(MessageWriterOptions.builder().writerId(fixed).build()).writerId())
			.isEqualTo(fixed);
	}

	@Test
	void messageHeadersGoOnTheFirstRecordAfterThePatternsHeaders() {
		MessageFramer framer = new MessageFramer(
				MessageWriterOptions.builder().chunkBytes(2).writerId(new WriterId("w")).build());
		List<Header> headers = List.of(Header.of("content-type", "text/plain"), Header.of("traceparent", "00-ab"));
		List<AppendRecord> records = framer.frame(new byte[] { 1, 2, 3 }, headers).records();
		assertThat(records).hasSize(2);
		assertThat(names(records.get(0))).containsExactly("_frame_records", "_frame_bytes", "_dedupe_seq", "_writer_id",
				"content-type", "traceparent");
		assertThat(records.get(0).headers().subList(4, 6)).isEqualTo(headers);
		assertThat(names(records.get(1))).containsExactly("_dedupe_seq", "_writer_id");
	}

	@Test
	void firstChunkShrinksByWhatTheMessageHeadersMeter() {
		MessageFramer framer = new MessageFramer(MessageWriterOptions.builder().writerId(new WriterId("w")).build());
		int maxChunk = PatternHeaders.maxChunkBytes(true, "w");
		// one header of 1 + 999 bytes meters 2 + 1000
		List<Header> headers = List.of(Header.of("h", "v".repeat(999)));
		PreparedMessage message = framer.frame(new byte[maxChunk + 10], headers);
		assertThat(message.records()).extracting((record) -> record.body().remaining())
			.containsExactly(maxChunk - 1002, 1012);
		assertThat(message.records().get(0).meteredBytes()).isEqualTo(1024 * 1024);
		assertThat(framer.check(maxChunk - 1002, headers)).isEqualTo(maxChunk - 1002);
		assertThat(framer.frame(new byte[maxChunk - 1002], headers).recordCount()).isEqualTo(1);
	}

	@Test
	void smallerChunksAreKeptWhenTheHeadersLeaveRoom() {
		MessageFramer framer = new MessageFramer(MessageWriterOptions.builder().chunkBytes(4).build());
		PreparedMessage message = framer.frame(new byte[9], List.of(Header.of("big", "x".repeat(10_000))));
		assertThat(message.records()).extracting((record) -> record.body().remaining()).containsExactly(4, 4, 1);
	}

	@Test
	void headersThatAreReservedEmptyOrTooLargeAreRefusedWithoutUsingAStamp() {
		MessageFramer framer = new MessageFramer(MessageWriterOptions.defaults());
		for (String reserved : List.of("_frame_records", "_frame_bytes", "_dedupe_seq", "_writer_id")) {
			assertThatExceptionOfType(ValidationException.class)
				.isThrownBy(() -> framer.frame(new byte[1], List.of(Header.of(reserved, "x"))))
				.withMessageContaining(reserved)
				.withMessageContaining("reserved for the patterns");
		}
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> framer.frame(new byte[1], List.of(Header.of("a", "b"), Header.of("", "x"))))
			.withMessageContaining("header 1")
			.withMessageContaining("must not be empty");
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> framer.frame(new byte[1], List.of(Header.of("h", "v".repeat(1024 * 1024)))))
			.withMessageContaining("1 headers of 1048577 bytes")
			.withMessageContaining("must leave room for a body");
		assertThat(framer.nextDedupeSeq()).isZero();
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
			.isThrownBy(() -> MessageWriterOptions.builder().linger(Duration.ofMillis(-1)).build())
			.withMessageContaining("linger");
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> MessageWriterOptions.builder().maxQueuedMessages(0).build())
			.withMessageContaining("max queued messages");
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> MessageWriterOptions.builder().maxQueuedBytes(0).build())
			.withMessageContaining("max queued bytes");
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> MessageWriterOptions.builder().matchSeqNum(-1).build())
			.withMessageContaining("match_seq_num");
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> MessageWriterOptions.builder().fencingToken("x".repeat(37)).build())
			.withMessageContaining("fencing token");
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> new WriterId(""))
			.withMessageContaining("writer id");
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> new PreparedMessage(List.of(), 0, OptionalLong.empty()))
			.withMessageContaining("at least one record");
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
		return message.records();
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
