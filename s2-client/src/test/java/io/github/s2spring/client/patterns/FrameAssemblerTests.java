package io.github.s2spring.client.patterns;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.s2spring.client.data.Header;
import io.github.s2spring.client.data.SequencedRecord;
import io.github.s2spring.client.error.ValidationException;
import io.github.s2spring.client.patterns.ReadOutcome.Failure;
import io.github.s2spring.client.patterns.ReadOutcome.Message;
import io.github.s2spring.client.patterns.ReadOutcome.Reason;

import static io.github.s2spring.client.patterns.TestRecords.record;
import static io.github.s2spring.client.patterns.TestRecords.text;
import static io.github.s2spring.client.patterns.TestRecords.u64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FrameAssemblerTests {

	private final FrameAssembler assembler = new FrameAssembler(100, 4);

	@Test
	void framedRecordsMakeOneMessage() {
		List<ReadOutcome<byte[]>> out = push(record(3, "ab", frame(3, 5)), record(4, "cd"), record(5, "e"));
		assertThat(out).hasSize(1);
		Message<byte[]> message = (Message<byte[]>) out.get(0);
		assertThat(new String(message.value(), StandardCharsets.UTF_8)).isEqualTo("abcde");
		assertThat(message)
			.extracting(Message::seqNum, Message::lastSeqNum, Message::timestamp, Message::records, Message::bytes)
			.containsExactly(3L, 5L, 5003L, 3, 5);
		assertThat(message.writerId()).isNull();
		assertThat(this.assembler.openFrames()).isZero();
	}

	@Test
	void newFrameHeaderDropsThePartialFrameAndResynchronises() {
		List<ReadOutcome<byte[]>> out = push(record(0, "ab", frame(3, 6)), record(1, "cd"),
				record(2, "xy", frame(2, 3)), record(3, "z"));
		assertThat(out).hasSize(2);
		Failure<byte[]> dropped = (Failure<byte[]>) out.get(0);
		assertThat(dropped.reason()).isEqualTo(Reason.PARTIAL_FRAME_DROPPED);
		assertThat(dropped.seqNum()).isZero();
		assertThat(dropped.lastSeqNum()).isEqualTo(1);
		assertThat(dropped.description())
			.isEqualTo("Partial frame dropped after 2 of 3 records: a new frame started at seq num 2");
		assertThat(body(out.get(1))).isEqualTo("xyz");
	}

	@Test
	void frameOverTheLimitRaisesFrameSizeException() {
		assertThatExceptionOfType(FrameSizeException.class)
			.isThrownBy(() -> this.assembler.push(record(9, "a", frame(1, 101))))
			.withMessage("Frame starting at seq num 9 declares 101 bytes; it must be between 1 and 100")
			.satisfies((ex) -> assertThat(ex.frameBytes()).isEqualTo(101));
		assertThatExceptionOfType(FrameSizeException.class)
			.isThrownBy(() -> this.assembler.push(record(9, "a", frame(1, -1))))
			.withMessageContaining("declares 18446744073709551615 bytes");
		assertThatExceptionOfType(FrameSizeException.class)
			.isThrownBy(() -> this.assembler.push(record(9, "", frame(1, 0))))
			.withMessageContaining("declares 0 bytes");
	}

	@Test
	void recordsShortOfTheDeclaredSizeDropTheFrame() {
		List<ReadOutcome<byte[]>> out = push(record(0, "ab", frame(2, 5)), record(1, "c"), record(2, "plain"));
		assertThat(out).hasSize(2);
		Failure<byte[]> mismatch = (Failure<byte[]>) out.get(0);
		assertThat(mismatch.reason()).isEqualTo(Reason.FRAME_SIZE_MISMATCH);
		assertThat(mismatch.description())
			.isEqualTo("Frame dropped: its 2 records hold 3 bytes, the header declared 5");
		assertThat(body(out.get(1))).isEqualTo("plain");
	}

	@Test
	void recordsOverTheDeclaredSizeDropTheFrame() {
		List<ReadOutcome<byte[]>> out = push(record(0, "ab", frame(3, 3)), record(1, "cd"), record(2, "e"));
		assertThat(out).hasSize(2);
		Failure<byte[]> mismatch = (Failure<byte[]>) out.get(0);
		assertThat(mismatch.reason()).isEqualTo(Reason.FRAME_SIZE_MISMATCH);
		assertThat(mismatch.seqNum()).isZero();
		assertThat(mismatch.lastSeqNum()).isEqualTo(1);
		assertThat(mismatch.description())
			.isEqualTo("Frame dropped: its records exceed the declared 3 bytes at record 2 of 3");
		// the frame is gone, so the next record is a plain message
		assertThat(body(out.get(1))).isEqualTo("e");
	}

	@Test
	void plainRecordsOutsideAFrameAreMessagesOfOneRecord() {
		List<ReadOutcome<byte[]>> out = push(record(0, "hello"), record(1, "world", text("_writer_id", "w")));
		assertThat(out).extracting(FrameAssemblerTests::body).containsExactly("hello", "world");
		assertThat(((Message<byte[]>) out.get(1)).writerId()).isEqualTo("w");
	}

	@Test
	void onlyOneFrameHeaderIsNotAFrameStart() {
		List<ReadOutcome<byte[]>> out = push(record(0, "ab", u64("_frame_bytes", 4)));
		assertThat(out).extracting(FrameAssemblerTests::body).containsExactly("ab");
	}

	@Test
	void interleavedWritersAreReassembledApart() {
		List<ReadOutcome<byte[]>> out = push(record(0, "a1", frame(2, 4, text("_writer_id", "a"))),
				record(1, "b1", frame(2, 4, text("_writer_id", "b"))), record(2, "a2", text("_writer_id", "a")),
				record(3, "b2", text("_writer_id", "b")));
		assertThat(out).extracting(FrameAssemblerTests::body).containsExactly("a1a2", "b1b2");
		assertThat(out).extracting((outcome) -> ((Message<byte[]>) outcome).writerId()).containsExactly("a", "b");
	}

	@Test
	void tooManyOpenFramesDropTheOldest() {
		List<ReadOutcome<byte[]>> out = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			out.addAll(this.assembler.push(record(i, "x", frame(2, 2, text("_writer_id", "w" + i)))));
		}
		assertThat(out).hasSize(1);
		assertThat(((Failure<byte[]>) out.get(0)).description()).contains("more than 4 writers");
		assertThat(out.get(0).seqNum()).isZero();
		assertThat(this.assembler.openFrames()).isEqualTo(4);
	}

	@Test
	void frameDeclaringNoRecordsIsMalformed() {
		List<ReadOutcome<byte[]>> out = push(record(0, "ab", frame(0, 2)), record(1, "cd", frame(3, 2)));
		assertThat(out).extracting((outcome) -> ((Failure<byte[]>) outcome).reason())
			.containsExactly(Reason.MALFORMED_HEADER, Reason.MALFORMED_HEADER);
		assertThat(this.assembler.openFrames()).isZero();
	}

	@Test
	void limitsAreChecked() {
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> new FrameAssembler(0, 1))
			.withMessageContaining("max frame bytes");
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> new FrameAssembler(10, 0))
			.withMessageContaining("max open frames");
	}

	private List<ReadOutcome<byte[]>> push(SequencedRecord... records) {
		List<ReadOutcome<byte[]>> out = new ArrayList<>();
		for (SequencedRecord record : records) {
			out.addAll(this.assembler.push(record));
		}
		return out;
	}

	static Header[] frame(long records, long bytes, Header... more) {
		Header[] headers = new Header[2 + more.length];
		headers[0] = u64("_frame_records", records);
		headers[1] = u64("_frame_bytes", bytes);
		System.arraycopy(more, 0, headers, 2, more.length);
		return headers;
	}

	private static String body(ReadOutcome<byte[]> outcome) {
		return new String(((Message<byte[]>) outcome).value(), StandardCharsets.UTF_8);
	}

}
