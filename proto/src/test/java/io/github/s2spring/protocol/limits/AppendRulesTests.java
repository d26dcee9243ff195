package io.github.s2spring.protocol.limits;

import java.util.Optional;

import com.google.protobuf.ByteString;
import org.junit.jupiter.api.Test;
import s2.v1.AppendInput;
import s2.v1.AppendRecord;
import s2.v1.Header;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Batch, record, header and command record rules.
 */
class AppendRulesTests {

	@Test
	void validBatchReturnsItsMeteredSize() {
		AppendInput input = AppendInput.newBuilder()
			.addRecords(record("hello", header("k", "v")))
			.addRecords(record("x"))
			.setFencingToken("w1")
			.setMatchSeqNum(0)
			.build();
		assertThat(AppendRules.validate(input)).isEqualTo((8 + 2 + 2 + 5) + (8 + 1));
	}

	@Test
	void emptyBatchIsRejected() {
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> AppendRules.validate(AppendInput.getDefaultInstance()))
			.withMessage("Invalid record batch \"0 records\": must not be empty");
	}

	@Test
	void batchOf1000RecordsPassesAnd1001Fails() {
		AppendInput.Builder builder = AppendInput.newBuilder();
		for (int i = 0; i < 1000; i++) {
			builder.addRecords(record(""));
		}
		assertThat(AppendRules.validate(builder.build())).isEqualTo(8000);
		builder.addRecords(record(""));
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> AppendRules.validate(builder.build()))
			.withMessageContaining("1001 records")
			.withMessageContaining("at most 1000");
	}

	@Test
	void batchOfExactlyOneMebibyteMeteredPassesAndOneMoreByteFails() {
		AppendRecord half = AppendRecord.newBuilder().setBody(ByteString.copyFrom(new byte[524288 - 8])).build();
		AppendInput exact = AppendInput.newBuilder().addRecords(half).addRecords(half).build();
		assertThat(AppendRules.validate(exact)).isEqualTo(1048576);
		AppendInput over = exact.toBuilder().addRecords(record("")).build();
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> AppendRules.validate(over))
			.withMessageContaining("1048584 metered bytes");
	}

	@Test
	void recordOverOneMebibyteIsRejected() {
		AppendRecord big = AppendRecord.newBuilder().setBody(ByteString.copyFrom(new byte[1048576 - 7])).build();
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> AppendRules.validate(big))
			.withMessageContaining("Invalid record \"1048577 metered bytes\"");
	}

	@Test
	void emptyHeaderNameIsRejectedOutsideCommands() {
		AppendRecord record = record("x", header("a", "1"), header("", "fence"));
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> AppendRules.validate(record))
			.withMessageContaining("header name")
			.withMessageContaining("header 1");
	}

	@Test
	void commandRecordsAreValidated() {
		assertThat(AppendRules.validate(CommandRecords.fence("tok"))).isEqualTo(8 + 2 + 5 + 3);
		assertThat(AppendRules.validate(CommandRecords.trim(42))).isEqualTo(8 + 2 + 4 + 8);
		AppendRecord unknown = record("", header("", "truncate"));
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> AppendRules.validate(unknown))
			.withMessageContaining("unknown command")
			.withMessageContaining("truncate");
		AppendRecord shortTrim = AppendRecord.newBuilder()
			.addHeaders(header("", "trim"))
			.setBody(ByteString.copyFrom(new byte[7]))
			.build();
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> AppendRules.validate(shortTrim))
			.withMessageContaining("exactly 8 bytes");
		AppendRecord longFence = AppendRecord.newBuilder()
			.addHeaders(header("", "fence"))
			.setBody(ByteString.copyFromUtf8("x".repeat(37)))
			.build();
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> AppendRules.validate(longFence))
			.withMessageContaining("fencing token");
		AppendRecord badUtf8 = AppendRecord.newBuilder()
			.addHeaders(header("", "fence"))
			.setBody(ByteString.copyFrom(new byte[] { (byte) 0xc3, 0x28 }))
			.build();
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> AppendRules.validate(badUtf8))
			.withMessageContaining("valid UTF-8");
		AppendRecord hugeTrim = AppendRecord.newBuilder()
			.addHeaders(header("", "trim"))
			.setBody(ByteString.copyFrom(new byte[] { (byte) 0x80, 0, 0, 0, 0, 0, 0, 0 }))
			.build();
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> AppendRules.validate(hugeTrim))
			.withMessageContaining("9223372036854775808");
	}

	@Test
	void unsignedFieldsBeyondSignedRangeAreRejected() {
		AppendInput badMatch = AppendInput.newBuilder().addRecords(record("x")).setMatchSeqNum(-1).build();
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> AppendRules.validate(badMatch))
			.withMessageContaining("match_seq_num");
		AppendRecord badTimestamp = AppendRecord.newBuilder().setTimestamp(-5).build();
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> AppendRules.validate(badTimestamp))
			.withMessageContaining("record timestamp");
	}

	@Test
	void fencingTokenOfTheBatchIsChecked() {
		AppendInput input = AppendInput.newBuilder().addRecords(record("x")).setFencingToken("y".repeat(40)).build();
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> AppendRules.validate(input))
			.withMessageContaining("fencing token");
	}

	@Test
	void commandsAreRecognisedAndParsed() {
		AppendRecord fence = CommandRecords.fence("tok");
		assertThat(CommandRecords.isCommand(fence.getHeadersList())).isTrue();
		assertThat(CommandRecords.parse(fence.getHeadersList(), fence.getBody())).contains(new Command.Fence("tok"));
		AppendRecord trim = CommandRecords.trim(42);
		assertThat(CommandRecords.parse(trim.getHeadersList(), trim.getBody())).contains(new Command.Trim(42));
		AppendRecord plain = record("x", header("k", "v"));
		assertThat(CommandRecords.isCommand(plain.getHeadersList())).isFalse();
		assertThat(CommandRecords.parse(plain.getHeadersList(), plain.getBody())).isEqualTo(Optional.empty());
		assertThat(CommandRecords.isCommand(record("x", header("", "fence"), header("", "fence")).getHeadersList()))
			.isFalse();
	}

	@Test
	void commandValuesAreChecked() {
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> new Command.Trim(-1));
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> new Command.Fence("z".repeat(37)));
		assertThat(CommandRecords.toRecord(new Command.Fence(""))).isEqualTo(CommandRecords.fence(""));
	}

	@Test
	void meteredSizeFollowsTheFormula() {
		AppendRecord record = record("body", header("name", "value"), header("n", ""));
		assertThat(MeteredSize.of(record)).isEqualTo(8 + 2 * 2 + (4 + 5) + (1 + 0) + 4);
		assertThat(MeteredSize.of(2, 10, 4)).isEqualTo(8 + 4 + 10 + 4);
		s2.v1.SequencedRecord stored = s2.v1.SequencedRecord.newBuilder()
			.addAllHeaders(record.getHeadersList())
			.setBody(record.getBody())
			.build();
		assertThat(MeteredSize.of(stored)).isEqualTo(MeteredSize.of(record));
		assertThat(MeteredSize.of(s2.v1.ReadBatch.newBuilder().addRecords(stored).addRecords(stored).build()))
			.isEqualTo(2 * MeteredSize.of(record));
		assertThat(MeteredSize.of(AppendInput.newBuilder().addRecords(record).build()))
			.isEqualTo(MeteredSize.of(record));
	}

	@Test
	void longValuesAreShortenedInMessages() {
		ValidationException ex = new ValidationException("stream name", "s".repeat(200), "too long");
		assertThat(ex.getMessage()).isEqualTo("Invalid stream name \"" + "s".repeat(80) + "...\": too long");
		assertThat(ex.value()).hasSize(200);
	}

	static AppendRecord record(String body, Header... headers) {
		AppendRecord.Builder builder = AppendRecord.newBuilder().setBody(ByteString.copyFromUtf8(body));
		for (Header header : headers) {
			builder.addHeaders(header);
		}
		return builder.build();
	}

	static Header header(String name, String value) {
		return Header.newBuilder()
			.setName(ByteString.copyFromUtf8(name))
			.setValue(ByteString.copyFromUtf8(value))
			.build();
	}

}
