package io.github.s2spring.protocol;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Positions in a stream.
 */
class StreamPositionTests {

	@Test
	void convertsToAndFromProtobuf() {
		StreamPosition position = new StreamPosition(5, 1700000000000L);
		assertThat(StreamPosition.of(position.toProto())).isEqualTo(position);
		assertThat(position.toProto().getSeqNum()).isEqualTo(5);
	}

	@Test
	void negativeValuesAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new StreamPosition(-1, 0))
			.withMessageContaining("seqNum");
		assertThatIllegalArgumentException().isThrownBy(() -> new StreamPosition(0, -1))
			.withMessageContaining("timestamp");
	}

	@Test
	void zeroIsTheEmptyStream() {
		assertThat(StreamPosition.ZERO).isEqualTo(new StreamPosition(0, 0));
	}

}
