package io.github.s2spring.client.patterns;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import s2.v1.AppendRecord;
import s2.v1.SequencedRecord;

import static org.assertj.core.api.Assertions.assertThat;

class RoundTripProperties {

	@Property(tries = 200)
	void anyMessageSizeAndChunkSizeRoundTrips(@ForAll @IntRange(min = 1, max = 20_000) int size,
			@ForAll @IntRange(min = 1, max = 5_000) int chunk, @ForAll boolean dedupe, @ForAll long seed) {
		byte[] payload = new byte[size];
		new Random(seed).nextBytes(payload);
		MessageFramer framer = new MessageFramer(
				MessageWriterOptions.builder().chunkBytes(chunk).dedupe(dedupe).build());
		PreparedMessage message = framer.frame(payload);
		assertThat(message.records()).isEqualTo((size + chunk - 1) / chunk);
		List<SequencedRecord> stored = TestRecords.stored(TestRecords.appendRecords(message));
		List<ReadOutcome<byte[]>> out = new MessageReader<>(S2Serializer.bytes(),
				ReaderOptions.defaults().withDedupe(dedupe))
			.readAll(stored);
		assertThat(MessageReaderTests.values(out)).singleElement().isEqualTo(payload);
	}

	@Property(tries = 100)
	void resentBatchesYieldEveryMessageExactlyOnce(
			@ForAll @Size(min = 1, max = 8) List<@IntRange(min = 1, max = 300) Integer> sizes,
			@ForAll @IntRange(min = 1, max = 64) int chunk, @ForAll long seed) {
		Random random = new Random(seed);
		MessageFramer framer = new MessageFramer(MessageWriterOptions.builder().chunkBytes(chunk).build());
		List<String> expected = new ArrayList<>();
		List<AppendRecord> wire = new ArrayList<>();
		for (int size : sizes) {
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
		List<ReadOutcome<String>> out = new MessageReader<>(S2Serializer.string()).readAll(TestRecords.stored(wire));
		assertThat(out).allMatch((outcome) -> outcome instanceof ReadOutcome.Message<String>);
		assertThat(MessageReaderTests.values(out)).containsExactlyElementsOf(expected);
	}

}
