package io.github.s2spring.client.data;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.s2spring.client.error.ValidationException;
import io.github.s2spring.protocol.StreamPosition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DataValuesTests {

	@Test
	void readOptionsBuildTheQueryString() {
		assertThat(ReadOptions.fromTail().toQueryString()).isEmpty();
		assertThat(ReadOptions.fromSeqNum(3)
			.withCount(10)
			.withBytes(2048)
			.withUntil(99)
			.withWait(5)
			.withClamp(true)
			.toQueryString()).isEqualTo("seq_num=3&count=10&bytes=2048&until=99&wait=5&clamp=true");
		assertThat(ReadOptions.fromTimestamp(1700000000000L).toQueryString()).isEqualTo("timestamp=1700000000000");
		assertThat(ReadOptions.fromTailOffset(4).toQueryString()).isEqualTo("tail_offset=4");
		assertThat(ReadOptions.fromTimestamp(5).start()).isEqualTo(ReadOptions.Start.TIMESTAMP);
	}

	@Test
	void readOptionsRejectNegativeValuesNamingThem() {
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> ReadOptions.fromSeqNum(-1))
			.withMessageContaining("read start");
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> ReadOptions.fromTail().withCount(-1))
			.withMessageContaining("read count");
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> ReadOptions.fromTail().withBytes(-1));
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> ReadOptions.fromTail().withUntil(-1));
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> ReadOptions.fromTail().withWait(-1));
	}

	@Test
	void appendSessionOptionsHaveBoundedDefaultsAndRejectNonsense() {
		AppendSessionOptions defaults = AppendSessionOptions.defaults();
		assertThat(defaults.maxInflightBytes()).isEqualTo(5L * 1024 * 1024);
		assertThat(defaults.ackTimeout()).isNull();
		AppendSessionOptions custom = defaults.withMaxInflightBytes(2 * 1024 * 1024)
			.withMaxInflightBatches(3)
			.withAckTimeout(Duration.ofSeconds(1));
		assertThat(custom).isEqualTo(new AppendSessionOptions(2 * 1024 * 1024, 3, Duration.ofSeconds(1)));
		assertThatIllegalArgumentException().isThrownBy(() -> defaults.withMaxInflightBytes(1024))
			.withMessageContaining("maxInflightBytes");
		assertThatIllegalArgumentException().isThrownBy(() -> defaults.withMaxInflightBatches(0));
		assertThatIllegalArgumentException().isThrownBy(() -> defaults.withAckTimeout(Duration.ZERO));
	}

	@Test
	void appendBatchesCarryTheirConditions() {
		AppendBatch batch = AppendBatch.of(AppendRecord.of("x")).withMatchSeqNum(4).withFencingToken("tok");
		assertThat(batch.matchSeqNum()).isEqualTo(4);
		assertThat(batch.fencingToken()).isEqualTo("tok");
		assertThat(batch.records()).hasSize(1);
		assertThat(batch.meteredBytes()).isEqualTo(9);
		assertThat(batch.toString()).contains("matchSeqNum=4", "fenced");
		AppendBatch plain = AppendBatch.of(List.of(AppendRecord.of("y")));
		assertThat(plain.matchSeqNum()).isNull();
		assertThat(plain.fencingToken()).isNull();
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> AppendBatch.of(List.of()))
			.withMessageContaining("must not be empty");
	}

	@Test
	void readBatchesAndAcksExposeTheirPositions() {
		ReadBatch empty = new ReadBatch(List.of(), new StreamPosition(3, 4));
		assertThat(empty.isEmpty()).isTrue();
		assertThat(empty.nextSeqNum()).isEqualTo(-1);
		assertThat(empty.tail()).isEqualTo(new StreamPosition(3, 4));
		assertThat(empty.meteredBytes()).isZero();
		AppendAck ack = new AppendAck(new StreamPosition(2, 1), new StreamPosition(5, 1), new StreamPosition(5, 1));
		assertThat(ack.recordCount()).isEqualTo(3);
	}

}
