package io.github.s2spring.client.patterns;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.s2spring.client.data.AppendAck;
import io.github.s2spring.client.data.AppendBatch;
import io.github.s2spring.client.data.Header;
import io.github.s2spring.client.data.SequencedRecord;
import io.github.s2spring.client.error.OverloadedException;
import io.github.s2spring.client.patterns.ReadOutcome.Message;
import io.github.s2spring.protocol.limits.Limits;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The writer over seeded random messages, options and schedules of admissions,
 * acknowledgements and flushes. A failure names its seed; {@code new Random(seed)} draws
 * the same case again.
 */
class WriterPropertyTests {

	static LongStream seeds() {
		return new SplittableRandom(0x5EED_0005L).longs(150);
	}

	/**
	 * 150 cases: 1 to 80 messages of 1 to 5,000 bytes (a few of up to 3 MiB), 0 to 3
	 * headers of up to 3,000 bytes each, chunks of 1 to 3,000 bytes or the default,
	 * bounds of 1 to 50 messages and 1 to 200,000 bytes, batches chained by
	 * {@code match_seq_num} or not, and any interleaving of sends, admissions,
	 * acknowledgements (in order) and flushes.
	 */
	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void everyAcceptedMessageIsWrittenOnceInOrderWithItsHeaders(long seed) {
		Random random = new Random(seed);
		boolean chained = random.nextBoolean();
		MessageWriterOptions.Builder builder = MessageWriterOptions.builder()
			.maxQueuedMessages(1 + random.nextInt(50))
			.maxQueuedBytes(1 + random.nextInt(200_000));
		if (random.nextInt(10) > 0) {
			builder.chunkBytes(1 + random.nextInt(3000));
		}
		if (chained) {
			builder.matchSeqNum(0);
		}
		MessageWriterOptions options = builder.build();
		ScriptedSession stream = ScriptedSession.manual();
		SerializingAppendSession<byte[]> writer = SerializingAppendSession.of(stream.session(), S2Serializer.bytes(),
				options);
		List<byte[]> accepted = new ArrayList<>();
		List<List<Header>> acceptedHeaders = new ArrayList<>();
		List<CompletableFuture<MessageAck>> acks = new ArrayList<>();
		int messages = 1 + random.nextInt(80);
		int sent = 0;
		int admitted = 0;
		int acknowledged = 0;
		while (sent < messages || acknowledged < stream.submissions().size()) {
			int action = random.nextInt(10);
			if (sent < messages && action < 5) {
				byte[] payload = payload(random);
				List<Header> headers = headers(random);
				int waiting = writer.queuedMessages();
				long waitingBytes = writer.queuedBytes();
				long nextStamp = writer.nextDedupeSeq();
				CompletableFuture<MessageAck> ack = writer.send(payload, headers);
				boolean overloaded = waiting >= options.maxQueuedMessages()
						|| (waiting > 0 && waitingBytes + payload.length > options.maxQueuedBytes());
				if (overloaded) {
					assertThat(ack).as("seed %d", seed).isCompletedExceptionally();
					assertThat(ack.handle((done, ex) -> ex).join()).as("seed %d", seed)
						.isInstanceOf(OverloadedException.class);
					assertThat(writer.nextDedupeSeq()).as("seed %d", seed).isEqualTo(nextStamp);
				}
				else {
					accepted.add(payload);
					acceptedHeaders.add(headers);
					acks.add(ack);
				}
				sent++;
			}
			else if (action < 7 && admitted < stream.submissions().size()) {
				stream.submission(admitted++).admit();
			}
			else if (action < 9 && acknowledged < admitted) {
				stream.submission(acknowledged++).ack();
			}
			else if (action == 9) {
				writer.flush();
			}
			else if (sent == messages) {
				if (admitted < stream.submissions().size()) {
					stream.submission(admitted++).admit();
				}
				else if (acknowledged < admitted) {
					stream.submission(acknowledged++).ack();
				}
			}
		}
		assertThat(writer.queuedMessages()).as("seed %d", seed).isZero();
		assertThat(acks).as("seed %d", seed).allMatch((ack) -> ack.isDone() && !ack.isCompletedExceptionally());

		List<ReadOutcome<byte[]>> read = TestRecords.read(new MessageReader<>(S2Serializer.bytes()), stream.stored());
		assertThat(read).as("seed %d", seed).allMatch((outcome) -> outcome instanceof Message<byte[]>);
		assertThat(MessageReaderTests.values(read)).as("seed %d", seed).containsExactlyElementsOf(accepted);
		assertThat(read).as("seed %d", seed)
			.extracting((outcome) -> ((Message<byte[]>) outcome).headers())
			.containsExactlyElementsOf(acceptedHeaders);

		List<SequencedRecord> stored = stream.stored();
		assertThat(writer.nextDedupeSeq()).as("seed %d", seed).isEqualTo(stored.size());
		for (int i = 0; i < stored.size(); i++) {
			assertThat(stored.get(i).headers()).as("seed %d, record %d", seed, i)
				.contains(TestRecords.u64("_dedupe_seq", i));
		}
		long next = 0;
		for (CompletableFuture<MessageAck> ack : acks) {
			MessageAck done = ack.join();
			assertThat(done.start().seqNum()).as("seed %d", seed).isEqualTo(next);
			assertThat(done.end().seqNum() - done.start().seqNum()).as("seed %d", seed).isEqualTo(done.records());
			next = done.end().seqNum();
		}
		for (ScriptedSession.Submission submission : stream.submissions()) {
			AppendBatch batch = submission.batch();
			assertThat(batch.size()).as("seed %d", seed).isBetween(1, Limits.MAX_BATCH_RECORDS);
			assertThat(batch.meteredBytes()).as("seed %d", seed).isLessThanOrEqualTo(Limits.MAX_BATCH_METERED_BYTES);
			AppendAck ack = submission.acknowledgement().join();
			assertThat(batch.matchSeqNum()).as("seed %d", seed).isEqualTo(chained ? ack.start().seqNum() : null);
		}
	}

	private static byte[] payload(Random random) {
		int size = (random.nextInt(100) < 3) ? 1 + random.nextInt(3 * 1024 * 1024) : 1 + random.nextInt(5000);
		byte[] payload = new byte[size];
		random.nextBytes(payload);
		return payload;
	}

	private static List<Header> headers(Random random) {
		List<Header> headers = new ArrayList<>();
		int count = random.nextInt(4);
		for (int i = 0; i < count; i++) {
			byte[] value = new byte[random.nextInt(3000)];
			random.nextBytes(value);
			headers.add(Header.of(("h" + i).getBytes(), value));
		}
		return headers;
	}

}
