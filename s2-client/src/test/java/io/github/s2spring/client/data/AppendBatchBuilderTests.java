package io.github.s2spring.client.data;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import s2.v1.AppendInput;

import io.github.s2spring.client.error.ValidationException;
import io.github.s2spring.protocol.limits.AppendRules;
import io.github.s2spring.protocol.limits.Limits;
import io.github.s2spring.protocol.s2s.Compression;
import io.github.s2spring.protocol.s2s.S2sFrame;
import io.github.s2spring.protocol.s2s.S2sFrameDecoder;
import io.github.s2spring.protocol.s2s.S2sFrameEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link AppendBatchBuilder}: the encoding must be protobuf's own, byte for
 * byte, and every limit must hold.
 */
class AppendBatchBuilderTests {

	private static byte[] body(int size, int seed) {
		byte[] body = new byte[size];
		for (int i = 0; i < size; i++) {
			body[i] = (byte) (seed + i);
		}
		return body;
	}

	@Test
	void encodesExactlyWhatProtobufEncodes() throws InvalidProtocolBufferException {
		AppendRecord withHeaders = AppendRecord.of("{\"id\":1}").withHeader("type", "created").withTimestamp(1234);
		s2.v1.AppendRecord protoWithHeaders = s2.v1.AppendRecord.newBuilder()
			.setTimestamp(1234)
			.addHeaders(s2.v1.Header.newBuilder()
				.setName(ByteString.copyFromUtf8("type"))
				.setValue(ByteString.copyFromUtf8("created")))
			.setBody(ByteString.copyFromUtf8("{\"id\":1}"))
			.build();
		AppendInput.Builder expected = AppendInput.newBuilder();
		AppendBatchBuilder builder = AppendBatch.builder();
		for (int size : new int[] { 0, 1, 118, 119, 120, 127, 128, 16_380, 16_384, 70_000 }) {
			byte[] body = body(size, size);
			builder.add(body);
			expected.addRecords(s2.v1.AppendRecord.newBuilder().setBody(ByteString.copyFrom(body)));
		}
		builder.add(withHeaders);
		expected.addRecords(protoWithHeaders);
		builder.matchSeqNum(300).fencingToken("fence-é");
		expected.setMatchSeqNum(300).setFencingToken("fence-é");

		AppendBatch batch = builder.build();

		AppendInput input = expected.build();
		assertThat(batch.encoded()).isEqualTo(ByteBuffer.wrap(input.toByteArray()));
		assertThat(AppendInput.parseFrom(batch.encoded())).isEqualTo(input);
		assertThat(batch.records()).hasSize(11).endsWith(withHeaders);
		assertThat(batch.records().get(10).timestamp()).isEqualTo(1234L);
		assertThat(batch.records().get(9).bodyAsBytes()).isEqualTo(body(70_000, 70_000));
		assertThat(AppendInput.parseFrom(AppendBatch.of(batch.records()).encoded()))
			.isEqualTo(input.toBuilder().clearMatchSeqNum().clearFencingToken().build());
		assertThat(batch.size()).isEqualTo(11);
		assertThat(batch.meteredBytes()).isEqualTo(AppendRules.validate(input));
		assertThat(batch.matchSeqNum()).isEqualTo(300L);
		assertThat(batch.fencingToken()).isEqualTo("fence-é");
		assertThat(batch).hasToString(
				"AppendBatch[11 records, " + batch.meteredBytes() + " metered bytes, matchSeqNum=300, fenced]");
	}

	@Test
	void buildHandsTheBatchOverAndStartsAfresh() {
		AppendBatchBuilder builder = AppendBatch.builder().matchSeqNum(5);
		byte[] reused = "first".getBytes(StandardCharsets.UTF_8);
		builder.add(reused);
		AppendBatch first = builder.build();
		reused[0] = 'X';
		builder.add(reused).add("third".getBytes(StandardCharsets.UTF_8));
		AppendBatch second = builder.build();

		assertThat(first.records()).extracting((r) -> r.bodyAsString()).containsExactly("first");
		assertThat(first.matchSeqNum()).isEqualTo(5L);
		assertThat(second.records()).extracting((r) -> r.bodyAsString()).containsExactly("Xirst", "third");
		assertThat(second.matchSeqNum()).isNull();
		assertThat(second.fencingToken()).isNull();
		assertThat(builder.isEmpty()).isTrue();
		assertThat(builder.meteredBytes()).isZero();
	}

	@Test
	void theThousandAndFirstRecordIsRefusedAndTheBatchIsKept() {
		AppendBatchBuilder builder = AppendBatch.builder();
		for (int i = 0; i < Limits.MAX_BATCH_RECORDS; i++) {
			assertThat(builder.fits(1)).isTrue();
			builder.add(new byte[] { (byte) i });
		}

		assertThat(builder.fits(1)).isFalse();
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> builder.add(new byte[] { 1 }))
			.satisfies((ex) -> assertThat(ex.rule()).isEqualTo("record batch"))
			.withMessageContaining("1001 records");
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> builder.add(AppendRecord.of("one more")));
		AppendBatch batch = builder.build();
		assertThat(batch.size()).isEqualTo(1000);
		assertThat(batch.meteredBytes()).isEqualTo(1000L * 9);
		assertThat(batch.records().get(999).body().get(0)).isEqualTo((byte) 999);
	}

	@Test
	void aRecordPastOneMebibyteMeteredIsRefusedWithoutChangingTheBuilder() {
		AppendBatchBuilder builder = AppendBatch.builder();
		builder.add(body(600_000, 1));
		long before = builder.meteredBytes();
		byte[] tooMuch = body(500_000, 2);

		assertThat(builder.fits(tooMuch.length)).isFalse();
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> builder.add(tooMuch))
			.withMessageContaining((before + 500_008) + " metered bytes");
		assertThat(builder.size()).isEqualTo(1);
		assertThat(builder.meteredBytes()).isEqualTo(before);
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> AppendBatch.builder().add(new byte[Limits.MAX_RECORD_METERED_BYTES]))
			.satisfies((ex) -> assertThat(ex.rule()).isEqualTo("record"));
		assertThat(builder.build().records().get(0).body().remaining()).isEqualTo(600_000);
	}

	@Test
	void invalidInputIsATypedError() {
		AppendBatchBuilder builder = AppendBatch.builder();

		assertThatExceptionOfType(ValidationException.class).isThrownBy(builder::build)
			.withMessageContaining("must not be empty");
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> builder
				.add(new AppendRecord(List.of(Header.of("", "v"), Header.of("k", "")), ByteBuffer.allocate(0), null)))
			.satisfies((ex) -> assertThat(ex.rule()).isEqualTo("header name"));
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> builder.fencingToken("x".repeat(Limits.MAX_FENCING_TOKEN_BYTES + 1)));
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> builder.matchSeqNum(-1));
		assertThat(builder.isEmpty()).isTrue();
	}

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1, 2, 3, 4 })
	void aReusedBuilderEncodesBatchesOfEverySizeInAnyOrder(long seed) {
		Random random = new Random(seed);
		AppendBatchBuilder builder = AppendBatch.builder();
		for (int b = 0; b < 12; b++) {
			AppendInput.Builder expected = AppendInput.newBuilder();
			switch (random.nextInt(4)) {
				case 0 -> {
					for (int i = random.nextInt(5); i >= 0; i--) {
						addBody(builder, expected, body(random.nextInt(200), i));
					}
				}
				case 1 -> {
					while (builder.fits(1024)) {
						addBody(builder, expected, body(1024, builder.size()));
					}
				}
				case 2 -> {
					// many one-byte headers: the encoding is larger than the metered 1
					// MiB
					AppendRecord record = AppendRecord.of("x").withHeaders(headers(340));
					s2.v1.AppendRecord.Builder proto = s2.v1.AppendRecord.newBuilder()
						.setBody(ByteString.copyFromUtf8("x"));
					record.headers()
						.forEach((header) -> proto
							.addHeaders(s2.v1.Header.newBuilder().setName(ByteString.copyFrom(header.name()))));
					while (builder.fits(record)) {
						builder.add(record);
						expected.addRecords(proto);
					}
				}
				default -> {
					for (int i = 0; i < 50 && builder.fits(65_536); i++) {
						addBody(builder, expected, body(random.nextInt(65_536), i));
					}
				}
			}
			byte[] encoded = expected.build().toByteArray();
			assertThat(builder.build().encoded()).as("seed %d, batch %d", seed, b).isEqualTo(ByteBuffer.wrap(encoded));
		}
	}

	private static void addBody(AppendBatchBuilder builder, AppendInput.Builder expected, byte[] body) {
		builder.add(body);
		expected.addRecords(s2.v1.AppendRecord.newBuilder().setBody(ByteString.copyFrom(body)));
	}

	private static List<Header> headers(int count) {
		List<Header> headers = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			headers.add(Header.of(String.valueOf((char) ('a' + i % 26)), ""));
		}
		return headers;
	}

	@ParameterizedTest
	@EnumSource(Compression.class)
	void framesDecodeToTheBatch(Compression compression) {
		AppendBatchBuilder builder = AppendBatch.builder();
		for (int i = 0; i < 50; i++) {
			builder.add(body(100, i));
		}
		AppendBatch batch = builder.build();
		ByteBuf frame = new S2sFrameEncoder(compression).encode(batch.encoded(), false, ByteBufAllocator.DEFAULT);
		List<S2sFrame> frames = new ArrayList<>();
		try {
			new S2sFrameDecoder().decode(frame, frames::add);
		}
		finally {
			frame.release();
		}

		byte[] encoded = new byte[batch.encoded().remaining()];
		batch.encoded().get(encoded);
		assertThat(frames).containsExactly(new S2sFrame.Regular(encoded, false));
	}

}
