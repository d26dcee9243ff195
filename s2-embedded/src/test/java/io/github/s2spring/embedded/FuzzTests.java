package io.github.s2spring.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import com.google.protobuf.ByteString;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import s2.v1.AppendAck;
import s2.v1.AppendInput;
import s2.v1.AppendRecord;
import s2.v1.Header;

import io.github.s2spring.embedded.support.H2Client;
import io.github.s2spring.embedded.support.Http1;
import io.github.s2spring.protocol.s2s.Compression;
import io.github.s2spring.protocol.s2s.S2sFrame;
import io.github.s2spring.protocol.s2s.S2sFrameEncoder;

import static org.assertj.core.api.Assertions.assertThat;

class FuzzTests {

	private static final int CORRUPTED_FRAMES = 10_000;

	private static final int CONCURRENT = 200;

	@Test
	void survivesTenThousandCorruptedFramesWithoutDisturbingOtherStreams() throws Exception {
		try (S2EmbeddedServer server = S2EmbeddedServer.builder().build().start();
				H2Client fuzzer = new H2Client("127.0.0.1", server.port());
				H2Client writer = new H2Client("127.0.0.1", server.port())) {
			Http1 http = new Http1(server.baseUrl(), "fuzz-basin");
			http.post("/v1/basins", "{\"basin\":\"fuzz-basin\"}");
			http.post("/v1/streams", "{\"stream\":\"target\"}");
			http.post("/v1/streams", "{\"stream\":\"bystander\"}");
			H2Client.Exchange bystander = writer.open("POST", "/v1/streams/bystander/records", false, "content-type",
					"s2s/proto", "s2-basin", "fuzz-basin");
			Random random = new Random(42);
			byte[] valid = validFrame(random);
			int acked = 0;
			int sent = 0;
			while (sent < CORRUPTED_FRAMES) {
				List<H2Client.Exchange> wave = new ArrayList<>();
				for (int i = 0; i < CONCURRENT && sent < CORRUPTED_FRAMES; i++, sent++) {
					H2Client.Exchange session = fuzzer.open("POST", "/v1/streams/target/records", false, "content-type",
							"s2s/proto", "s2-basin", "fuzz-basin");
					session.send(Unpooled.wrappedBuffer(corrupt(valid, random)), true);
					wave.add(session);
				}
				bystander.send(S2sFrame.of(AppendInput.newBuilder()
					.addRecords(AppendRecord.newBuilder().setBody(ByteString.copyFromUtf8("wave-" + acked)))
					.build()));
				AppendAck ack = AppendAck.parseFrom(((S2sFrame.Regular) bystander.nextFrame()).payload());
				assertThat(ack.getStart().getSeqNum()).isEqualTo(acked);
				acked++;
				for (H2Client.Exchange session : wave) {
					session.ended.get(30, TimeUnit.SECONDS);
					assertThat(session.status.getNow(0)).isEqualTo(200);
					for (S2sFrame frame : session.frames) {
						if (frame instanceof S2sFrame.Terminal terminal) {
							assertThat(terminal.status()).isIn(400, 422);
						}
					}
				}
			}
			bystander.endInput();
			bystander.ended.get(10, TimeUnit.SECONDS);
			var read = http.get("/v1/streams/bystander/records?seq_num=0").json().path("records");
			assertThat(read).hasSize(acked);
			for (int i = 0; i < acked; i++) {
				assertThat(read.get(i).path("body").asString()).isEqualTo("wave-" + i);
			}
			assertThat(http.get("/health").status()).isEqualTo(200);
		}
	}

	private static byte[] validFrame(Random random) {
		AppendInput.Builder input = AppendInput.newBuilder();
		for (int i = 0; i < 3; i++) {
			byte[] body = new byte[random.nextInt(40) + 1];
			random.nextBytes(body);
			input.addRecords(AppendRecord.newBuilder()
				.setTimestamp(random.nextInt(1000))
				.addHeaders(
						Header.newBuilder().setName(ByteString.copyFromUtf8("h")).setValue(ByteString.copyFrom(body)))
				.setBody(ByteString.copyFrom(body)));
		}
		ByteBuf frame = new S2sFrameEncoder(Compression.NONE).encode(S2sFrame.of(input.build()),
				Unpooled.buffer().alloc());
		byte[] bytes = new byte[frame.readableBytes()];
		frame.readBytes(bytes);
		frame.release();
		return bytes;
	}

	private static byte[] corrupt(byte[] valid, Random random) {
		byte[] bytes;
		switch (random.nextInt(5)) {
			case 0 -> {
				bytes = valid.clone();
				for (int i = 0; i < 1 + random.nextInt(4); i++) {
					bytes[random.nextInt(bytes.length)] ^= (byte) (1 + random.nextInt(255));
				}
			}
			case 1 -> {
				bytes = java.util.Arrays.copyOf(valid, random.nextInt(valid.length));
			}
			case 2 -> {
				bytes = valid.clone();
				bytes[3] = (byte) (0x20 + random.nextInt(0xE0));
			}
			case 3 -> {
				bytes = new byte[random.nextInt(64) + 1];
				random.nextBytes(bytes);
			}
			default -> {
				bytes = valid.clone();
				bytes[0] = (byte) random.nextInt(256);
			}
		}
		return bytes;
	}

}
