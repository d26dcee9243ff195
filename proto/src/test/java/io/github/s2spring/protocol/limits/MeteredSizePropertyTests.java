package io.github.s2spring.protocol.limits;

import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import com.google.protobuf.ByteString;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import s2.v1.AppendRecord;
import s2.v1.Header;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Metered sizes match the documented formula for any record: 500 records drawn from
 * seeded random inputs (up to 20 headers, empty names, values and bodies included). A
 * failure names its seed; {@code new Random(seed)} draws the same record again.
 */
class MeteredSizePropertyTests {

	static LongStream seeds() {
		return new SplittableRandom(0x5EED_0001L).longs(500);
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void meteredSizeMatchesTheFormula(long seed) {
		Random random = new Random(seed);
		byte[] body = bytes(random, 300);
		AppendRecord.Builder builder = AppendRecord.newBuilder().setBody(ByteString.copyFrom(body));
		long expected = 8 + body.length;
		int headers = random.nextInt(21);
		for (int i = 0; i < headers; i++) {
			byte[] name = bytes(random, 40);
			byte[] value = bytes(random, 40);
			builder.addHeaders(
					Header.newBuilder().setName(ByteString.copyFrom(name)).setValue(ByteString.copyFrom(value)));
			expected += 2 + name.length + value.length;
		}
		assertThat(MeteredSize.of(builder.build())).as("seed %d", seed).isEqualTo(expected);
	}

	/**
	 * Random bytes, empty one time in eight.
	 */
	private static byte[] bytes(Random random, int maxLength) {
		byte[] bytes = new byte[(random.nextInt(8) == 0) ? 0 : random.nextInt(maxLength + 1)];
		random.nextBytes(bytes);
		return bytes;
	}

}
