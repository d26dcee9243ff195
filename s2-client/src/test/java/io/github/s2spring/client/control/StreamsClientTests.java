package io.github.s2spring.client.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.github.s2spring.client.S2Client;
import io.github.s2spring.client.config.S2Endpoints;
import io.github.s2spring.client.control.TestHttpServer.Recorded;
import io.github.s2spring.client.control.model.CreateStreamRequest;
import io.github.s2spring.client.control.model.DeleteOnEmptyConfig;
import io.github.s2spring.client.control.model.DeleteOnEmptyReconfiguration;
import io.github.s2spring.client.control.model.ListRequest;
import io.github.s2spring.client.control.model.Patch;
import io.github.s2spring.client.control.model.ProvisionResult;
import io.github.s2spring.client.control.model.RetentionPolicy;
import io.github.s2spring.client.control.model.StorageClass;
import io.github.s2spring.client.control.model.StreamCipher;
import io.github.s2spring.client.control.model.StreamConfig;
import io.github.s2spring.client.control.model.StreamInfo;
import io.github.s2spring.client.control.model.StreamReconfiguration;
import io.github.s2spring.client.control.model.TimestampingConfig;
import io.github.s2spring.client.control.model.TimestampingMode;
import io.github.s2spring.client.control.model.TimestampingReconfiguration;
import io.github.s2spring.client.error.ValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class StreamsClientTests extends ScriptedServerTests {

	private static final String CHAT = "chat/général x";

	private static final String CHAT_PATH = "/v1/streams/chat%2Fg%C3%A9n%C3%A9ral%20x";

	private static final String RESOLVED = "{\"storage_class\":\"express\",\"retention_policy\":{\"age\":604800},"
			+ "\"timestamping\":{\"mode\":\"client-prefer\",\"uncapped\":false},\"delete_on_empty\":{\"min_age_secs\":0}}";

	@Test
	void aNameWithSlashAccentAndSpaceIsOnePercentEncodedSegmentForEveryOperation() {
		this.server.reply(200, RESOLVED)
			.reply(200, RESOLVED)
			.reply(202, "")
			.reply(200, stream(CHAT), "s2-provision-result", "created");
		StreamsClient streams = this.client.basin("my-basin-1").streams();
		assertThat(streams.getConfig(CHAT)).isEqualTo(new StreamConfig(StorageClass.EXPRESS,
				RetentionPolicy.age(Duration.ofDays(7)), new TimestampingConfig(TimestampingMode.CLIENT_PREFER, false),
				new DeleteOnEmptyConfig(Duration.ZERO)));
		streams.reconfigure(CHAT, StreamReconfiguration.builder().build());
		streams.delete(CHAT);
		assertThat(streams.ensure(CreateStreamRequest.of(CHAT)).info().name()).isEqualTo(CHAT);
		assertThat(this.server.requests()).extracting((r) -> r.method() + " " + r.rawPath())
			.containsExactly("GET " + CHAT_PATH, "PATCH " + CHAT_PATH, "DELETE " + CHAT_PATH, "PUT " + CHAT_PATH);
		assertThat(this.server.requests()).extracting((r) -> r.header("s2-basin")).containsOnly("my-basin-1");
	}

	@Test
	void listSendsTheBasinHeaderAndFollowsPages() {
		this.server.reply(200, "{\"streams\":[" + stream("a b") + "],\"has_more\":true}")
			.reply(200, "{\"streams\":[" + stream("a/c") + "],\"has_more\":false}");
		List<String> names = new ArrayList<>();
		this.client.basin("my-basin-1")
			.streams()
			.list(ListRequest.withPrefix("a").limit(1))
			.forEach((s) -> names.add(s.name()));
		assertThat(names).containsExactly("a b", "a/c");
		assertThat(this.server.requests()).extracting(Recorded::rawQuery)
			.containsExactly("prefix=a&start_after=&limit=1", "prefix=a&start_after=a%20b&limit=1");
		assertThat(this.server.requests()).extracting(Recorded::rawPath).containsOnly("/v1/streams");
		assertThat(this.server.requests()).extracting((r) -> r.header("s2-basin")).containsOnly("my-basin-1");
	}

	@Test
	void createSendsConfigAndARequestTokenReusedOnRetry() {
		this.server.reply(503, "{\"code\":\"server_draining\",\"message\":\"draining\"}")
			.reply(201, "{\"name\":\"events\",\"created_at\":\"2026-11-27T00:00:00.5Z\",\"deleted_at\":null,"
					+ "\"cipher\":\"aegis-256\"}");
		StreamInfo info = this.client.basin("my-basin-1")
			.streams()
			.create(CreateStreamRequest.of("events")
				.withConfig(StreamConfig.builder()
					.storageClass(StorageClass.STANDARD)
					.retentionPolicy(RetentionPolicy.infinite())
					.timestamping(TimestampingConfig.of(TimestampingMode.ARRIVAL))
					.deleteOnEmpty(new DeleteOnEmptyConfig(Duration.ofMinutes(1)))
					.build()));
		assertThat(info).isEqualTo(
				new StreamInfo("events", Instant.parse("2026-11-27T00:00:00.500Z"), null, StreamCipher.AEGIS_256));
		List<Recorded> requests = this.server.requests();
		assertThat(requests).hasSize(2);
		assertThat(requests.get(0).body())
			.isEqualTo("{\"stream\":\"events\",\"config\":{\"storage_class\":\"standard\","
					+ "\"retention_policy\":{\"infinite\":{}},\"timestamping\":{\"mode\":\"arrival\"},"
					+ "\"delete_on_empty\":{\"min_age_secs\":60}}}");
		assertThat(requests.get(1).body()).isEqualTo(requests.get(0).body());
		assertThat(requests.get(0).header("s2-request-token")).isNotNull()
			.isEqualTo(requests.get(1).header("s2-request-token"));
		assertThat(requests.get(0).header("s2-basin")).isEqualTo("my-basin-1");
	}

	@Test
	void reconfigureWritesNestedPatchesExactly() {
		this.server.reply(200, RESOLVED).reply(200, RESOLVED);
		StreamsClient streams = this.client.basin("my-basin-1").streams();
		streams.reconfigure("s",
				StreamReconfiguration.builder()
					.storageClass(Patch.reset())
					.retentionPolicy(Patch.set(RetentionPolicy.age(Duration.ofHours(1))))
					.timestamping(Patch.set(TimestampingReconfiguration.unchanged().withUncapped(Patch.set(true))))
					.deleteOnEmpty(Patch.set(new DeleteOnEmptyReconfiguration(Patch.reset())))
					.build());
		streams.reconfigure("s", StreamReconfiguration.builder()
			.timestamping(Patch
				.set(TimestampingReconfiguration.unchanged().withMode(Patch.reset()).withUncapped(Patch.unchanged())))
			.deleteOnEmpty(Patch.reset())
			.build());
		assertThat(this.server.requests()).extracting(Recorded::body)
			.containsExactly(
					"{\"storage_class\":null,\"retention_policy\":{\"age\":3600},"
							+ "\"timestamping\":{\"uncapped\":true},\"delete_on_empty\":{\"min_age_secs\":null}}",
					"{\"timestamping\":{\"mode\":null},\"delete_on_empty\":null}");
	}

	@Test
	void ensureWithoutConfigSendsAnEmptyObjectAndAsyncFormsWork() throws Exception {
		this.server.reply(201, stream("s"))
			.reply(200, stream("s"), "s2-provision-result", "noop")
			.reply(201, stream("s"))
			.reply(200, RESOLVED)
			.reply(200, RESOLVED)
			.reply(202, "")
			.reply(200, "{\"streams\":[],\"has_more\":false}")
			.reply(200, "{\"streams\":[" + stream("s") + "],\"has_more\":false}");
		StreamsClient streams = this.client.basin("my-basin-1").streams();
		assertThat(streams.basin()).isEqualTo("my-basin-1");
		assertThat(streams.ensure(CreateStreamRequest.of("s")).result()).isEqualTo(ProvisionResult.CREATED);
		assertThat(streams.ensureAsync(CreateStreamRequest.of("s").withConfig(StreamConfig.defaults()))
			.get(10, TimeUnit.SECONDS)
			.result()).isEqualTo(ProvisionResult.NOOP);
		assertThat(streams.createAsync(CreateStreamRequest.of("s")).get(10, TimeUnit.SECONDS).name()).isEqualTo("s");
		assertThat(streams.getConfigAsync("s").get(10, TimeUnit.SECONDS).storageClass())
			.isEqualTo(StorageClass.EXPRESS);
		assertThat(streams.reconfigureAsync("s", StreamReconfiguration.builder().build()).get(10, TimeUnit.SECONDS))
			.isNotNull();
		assertThat(streams.deleteAsync("s").get(10, TimeUnit.SECONDS)).isNull();
		assertThat(streams.listPageAsync(ListRequest.all()).get(10, TimeUnit.SECONDS).items()).isEmpty();
		assertThat(streams.listAllAsync(ListRequest.all()).get(10, TimeUnit.SECONDS)).extracting(StreamInfo::name)
			.containsExactly("s");
		assertThat(this.server.requests().get(0).body()).isEqualTo("{}");
		assertThat(this.server.requests().get(1).body()).isEqualTo("{}");
	}

	@Test
	void aPathTemplatedBasinEndpointSubstitutesTheEncodedBasin() {
		try (S2Client templated = S2Client.create(ControlTestSupport.config(this.server.endpoint())
			.endpoints(S2Endpoints.of(this.server.endpoint(), this.server.endpoint() + "/b/{basin}/v1"))
			.build())) {
			this.server.reply(200, "{\"streams\":[],\"has_more\":false}");
			assertThat(templated.basin("my-basin-1").streams().list()).isEmpty();
			assertThat(this.server.onlyRequest().rawPath()).isEqualTo("/b/my-basin-1/v1/streams");
		}
	}

	@Test
	void invalidStreamNamesFailBeforeTheWire() {
		StreamsClient streams = this.client.basin("my-basin-1").streams();
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> streams.delete(".."))
			.withMessageContaining("\"..\"");
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> streams.getConfig(""))
			.withMessageContaining("stream name");
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> streams.list(ListRequest.withPrefix("x".repeat(513))))
			.withMessageContaining("stream prefix");
		assertThat(this.server.requests()).isEmpty();
	}

	static String stream(String name) {
		return "{\"name\":\"" + name
				+ "\",\"created_at\":\"2026-11-27T00:00:00Z\",\"deleted_at\":null,\"cipher\":null}";
	}

}
