package io.github.s2spring.support;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The forms of {@code @S2Listener(from = ...)}.
 */
class S2StartPositionTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			beginning         | Beginning[]
			 TAIL             | Tail[]
			stored            | Stored[]
			seq:0             | SeqNum[seqNum=0]
			seq:42            | SeqNum[seqNum=42]
			Seq: 7            | SeqNum[seqNum=7]
			timestamp:1700000 | Timestamp[timestamp=1700000]
			""")
	void parses(String text, String expected) {
		assertThat(S2StartPosition.parse(text)).hasToString(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "latest", "seq:", "seq:-1", "seq:x", "timestamp:-5", "offset:3", ":3" })
	void refusesOtherFormsNamingTheAcceptedOnes(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> S2StartPosition.parse(text))
			.withMessage("Invalid start position \"" + text
					+ "\": expected beginning, tail, stored, seq:<n> or timestamp:<ms> (n and ms at least 0)");
	}

	@ParameterizedTest
	@ValueSource(longs = { -1, Long.MIN_VALUE })
	void negativeValuesAreRefused(long value) {
		assertThatIllegalArgumentException().isThrownBy(() -> S2StartPosition.seqNum(value));
		assertThatIllegalArgumentException().isThrownBy(() -> S2StartPosition.timestamp(value));
	}

}
