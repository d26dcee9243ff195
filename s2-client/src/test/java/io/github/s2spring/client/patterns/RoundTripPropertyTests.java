package io.github.s2spring.client.patterns;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.s2spring.client.data.AppendRecord;
import io.github.s2spring.client.data.SequencedRecord;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Messages survive framing, chunking, resends and reading, over seeded random inputs. A
 * failure names its seed; {@code new Random(seed)} draws the same case again.
 */
class RoundTripPropertyTests {

	static LongStream messageSeeds() {
		return new SplittableRandom(0x5EED_0003L).longs(200);
	}

	static LongStream resendSeeds() {
		return new SplittableRandom(0x5EED_0004L).longs(100);
	}

	/**
	 * 200 cases: messages of 1 to 20,000 bytes, chunks of 1 to 5,000 bytes, dedupe on or
	 * off.
	 */
	@ParameterizedTest(name = "seed {0}")
	@MethodSource("messageSeeds")
	void anyMessageSizeAndChunkSizeRoundTrips(long seed) {
		Random random = new Random(seed);
		int size = 1 + random.nextInt(20_000);
		int chunk = 1 + random.nextInt(5_000);
		boolean dedupe = random.nextBoolean();
		byte[] payload = new byte[size];
		random.nextBytes(payload);
		MessageFramer framer = new MessageFramer(
				MessageWriterOptions.builder().chunkBytes(chunk).dedupe(dedupe).build());
		PreparedMessage message = framer.frame(payload);
		assertThat(message.recordCount()).as("seed %d", seed).isEqualTo((size + chunk - 1) / chunk);
		List<SequencedRecord> stored = TestRecords.stored(TestRecords.appendRecords(message));
		List<ReadOutcome<byte[]>> out = TestRecords
			.read(new MessageReader<>(S2Serializer.bytes(), ReaderOptions.defaults().withDedupe(dedupe)), stored);
		assertThat(MessageReaderTests.values(out)).as("seed %d", seed).singleElement().isEqualTo(payload);
	}

	/**
	 * 100 cases: 1 to 8 messages of 1 to 300 letters, chunks of 1 to 64 bytes, every
	 * prefix of a message's records possibly written twice (as after a lost ack).
	 */
	@ParameterizedTest(name = "seed {0}")
	@MethodSource("resendSeeds")
	void resentBatchesYieldEveryMessageExactlyOnce(long seed) {
		Random random = new Random(seed);
		int messages = 1 + random.nextInt(8);
		int chunk = 1 + random.nextInt(64);
		MessageFramer framer = new MessageFramer(MessageWriterOptions.builder().chunkBytes(chunk).build());
		List<String> expected = new ArrayList<>();
		List<AppendRecord> wire = new ArrayList<>();
		for (int m = 0; m < messages; m++) {
			int size = 1 + random.nextInt(300);
			StringBuilder text = new StringBuilder();
			for (int i = 0; i < size; i++) {
				text.append((char) ('a' + random.nextInt(26)));
			}
			expected.add(text.toString());
			List<AppendRecord> records = TestRecords.appendRecords(framer.frame(text.toString().getBytes()));
			int from = 0;
			while (from < records.size()) {
				// write a prefix, then (as after a lost ack) write it again with the rest
				int to = from + 1 + random.nextInt(records.size() - from);
				wire.addAll(records.subList(from, to));
				if (random.nextBoolean()) {
					wire.addAll(records.subList(from, to));
				}
				from = to;
			}
		}
		List<ReadOutcome<String>> out = TestRecords.read(new MessageReader<>(S2Serializer.string()),
				TestRecords.stored(wire));
		assertThat(out).as("seed %d", seed).allMatch((outcome) -> outcome instanceof ReadOutcome.Message<String>);
		assertThat(MessageReaderTests.values(out)).as("seed %d", seed).containsExactlyElementsOf(expected);
	}

}
