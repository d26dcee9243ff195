package io.github.s2spring.embedded;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.google.protobuf.ByteString;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import org.junit.jupiter.api.Test;
import s2.v1.AppendInput;
import s2.v1.AppendRecord;
import s2.v1.ReadBatch;

import io.github.s2spring.embedded.store.Stream;
import io.github.s2spring.embedded.support.H2Client;
import io.github.s2spring.embedded.support.Http1;
import io.github.s2spring.protocol.s2s.S2sFrame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class FlowControlTests {

	private static final int BATCHES = 40;

	private static final int RECORDS_PER_BATCH = 1000;

	@Test
	void slowReaderIsHeldBackByFlowControlNotByServerBuffers() throws Exception {
		try (S2EmbeddedServer server = S2EmbeddedServer.builder().build().start();
				H2Client client = new H2Client("127.0.0.1", server.port())) {
			Http1 http = new Http1(server.baseUrl(), "flow-basin");
			http.post("/v1/basins", "{\"basin\":\"flow-basin\"}");
			http.post("/v1/streams", "{\"stream\":\"big\"}");
			Stream stream = server.store().basin("flow-basin").stream("big");
			ByteString body = ByteString.copyFrom(new byte[1000]);
			for (int i = 0; i < BATCHES; i++) {
				AppendInput.Builder input = AppendInput.newBuilder();
				for (int j = 0; j < RECORDS_PER_BATCH; j++) {
					input.addRecords(AppendRecord.newBuilder().setBody(body));
				}
				stream.append(input.build()).get(10, TimeUnit.SECONDS);
			}
			long baseline = usedDirectMemory();
			H2Client.Exchange read = client.open(false, "GET", "/v1/streams/big/records?seq_num=0", true,
					"content-type", "s2s/proto", "s2-basin", "flow-basin");
			long limit = baseline + 16 * 1024 * 1024;
			await().during(Duration.ofSeconds(1))
				.atMost(Duration.ofSeconds(10))
				.until(() -> usedDirectMemory() < limit);
			assertThat(read.receivedBytes.get()).isZero();
			assertThat(http.get("/v1/streams/big/records/tail").json().path("tail").path("seq_num").asLong())
				.isEqualTo(BATCHES * RECORDS_PER_BATCH);
			read.stream().eventLoop().execute(() -> {
				read.stream().config().setAutoRead(true);
				read.stream().read();
			});
			long received = 0;
			while (received < BATCHES * RECORDS_PER_BATCH) {
				S2sFrame frame = read.nextFrame();
				ReadBatch batch = ReadBatch.parseFrom(((S2sFrame.Regular) frame).payload());
				if (batch.getRecordsCount() > 0) {
					assertThat(batch.getRecords(0).getSeqNum()).isEqualTo(received);
				}
				received += batch.getRecordsCount();
			}
			assertThat(received).isEqualTo(BATCHES * RECORDS_PER_BATCH);
			read.stream().close();
		}
	}

	private static long usedDirectMemory() {
		return ((ByteBufAllocatorMetricProvider) ByteBufAllocator.DEFAULT).metric().usedDirectMemory();
	}

}
