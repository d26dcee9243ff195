package io.github.s2spring.client.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.github.s2spring.client.S2Client;
import io.github.s2spring.client.config.S2ClientConfig;
import io.github.s2spring.client.config.S2Endpoints;
import io.github.s2spring.client.control.TestHttpServer.Recorded;
import io.github.s2spring.client.control.model.BasinConfig;
import io.github.s2spring.client.control.model.BasinInfo;
import io.github.s2spring.client.control.model.BasinReconfiguration;
import io.github.s2spring.client.control.model.BasinState;
import io.github.s2spring.client.control.model.CreateBasinRequest;
import io.github.s2spring.client.control.model.ListRequest;
import io.github.s2spring.client.control.model.Page;
import io.github.s2spring.client.control.model.Patch;
import io.github.s2spring.client.control.model.ProvisionResult;
import io.github.s2spring.client.control.model.Provisioned;
import io.github.s2spring.client.control.model.StorageClass;
import io.github.s2spring.client.control.model.StreamConfig;
import io.github.s2spring.client.control.model.StreamReconfiguration;
import io.github.s2spring.client.error.NotFoundException;
import io.github.s2spring.client.error.S2Exception;
import io.github.s2spring.client.error.ValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class BasinsClientTests extends ScriptedServerTests {

	@Test
	void listFollowsHasMoreAcrossPagesLazily() {
		this.server
			.reply(200, "{\"basins\":[" + basin("basin-aaa1") + "," + basin("basin-aaa2") + "],\"has_more\":true}")
			.reply(200, "{\"basins\":[" + basin("basin-aaa3") + "],\"has_more\":true}")
			.reply(200, "{\"basins\":[" + basin("basin-aaa4") + "],\"has_more\":false}");
		Iterable<BasinInfo> basins = this.client.basins().list(ListRequest.withPrefix("basin-").limit(2));
		assertThat(this.server.requests()).isEmpty();
		List<String> names = new ArrayList<>();
		basins.forEach((basin) -> names.add(basin.name()));
		assertThat(names).containsExactly("basin-aaa1", "basin-aaa2", "basin-aaa3", "basin-aaa4");
		assertThat(this.server.requests()).extracting(Recorded::rawQuery)
			.containsExactly("prefix=basin-&start_after=&limit=2", "prefix=basin-&start_after=basin-aaa2&limit=2",
					"prefix=basin-&start_after=basin-aaa3&limit=2");
		assertThat(this.server.requests()).extracting(Recorded::rawPath).containsOnly("/v1/basins");
	}

	@Test
	void onePageWithStartAfterAndTheBearerToken() {
		this.server.reply(200, "{\"basins\":[{\"name\":\"basin-bbb1\",\"location\":\"aws:us-east-1\","
				+ "\"created_at\":\"2026-11-27T00:00:00.123456789Z\",\"deleted_at\":\"2026-11-27T01:00:00+01:00\","
				+ "\"state\":\"deleting\"}],\"has_more\":false}");
		Page<BasinInfo> page = this.client.basins().listPage(ListRequest.all().startAfter("basin-bbb0"));
		assertThat(page).isEqualTo(new Page<>(
				List.of(new BasinInfo("basin-bbb1", "aws:us-east-1", Instant.parse("2026-11-27T00:00:00.123456789Z"),
						Instant.parse("2026-11-27T00:00:00Z"), BasinState.DELETING)),
				false));
		Recorded request = this.server.onlyRequest();
		assertThat(request.rawQuery()).isEqualTo("prefix=&start_after=basin-bbb0");
		assertThat(request.header("authorization")).isEqualTo("Bearer " + ControlTestSupport.TOKEN);
		assertThat(request.header("user-agent")).startsWith("s2-spring-java/");
		assertThat(request.header("s2-basin")).isNull();
	}

	@Test
	void aBlankAccessTokenSendsNoAuthorizationHeader() {
		this.server.reply(200, "{\"basins\":[],\"has_more\":false}");
		try (S2Client blank = S2Client.create(S2ClientConfig.builder("")
			.endpoints(S2Endpoints.single(this.server.endpoint()))
			.retryPolicy(ControlTestSupport.QUICK_RETRIES)
			.build())) {
			assertThat(blank.basins().listPage(ListRequest.all()).items()).isEmpty();
		}
		assertThat(this.server.onlyRequest().header("authorization")).isNull();
	}

	@Test
	void createSendsTheRequestAndARequestToken() {
		this.server.reply(201, basin("my-basin-1"));
		BasinInfo info = this.client.basins()
			.create(CreateBasinRequest.of("my-basin-1")
				.withLocation("aws:us-west-2")
				.withConfig(BasinConfig.builder()
					.defaultStreamConfig(StreamConfig.builder().storageClass(StorageClass.STANDARD).build())
					.createStreamOnAppend(true)
					.build()));
		assertThat(info.name()).isEqualTo("my-basin-1");
		assertThat(info.state()).isEqualTo(BasinState.ACTIVE);
		Recorded request = this.server.onlyRequest();
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.rawPath()).isEqualTo("/v1/basins");
		assertThat(request.header("content-type")).isEqualTo("application/json");
		assertThat(request.body()).isEqualTo("{\"basin\":\"my-basin-1\",\"config\":{\"default_stream_config\":"
				+ "{\"storage_class\":\"standard\"},\"create_stream_on_append\":true,\"create_stream_on_read\":false},"
				+ "\"location\":\"aws:us-west-2\"}");
		assertThat(request.header("s2-request-token")).matches("[A-Za-z0-9+/]{22}==");
	}

	@Test
	void aRetriedCreateReusesItsRequestTokenAndTheNextCreateGetsANewOne() {
		this.server.reply(503, "{\"code\":\"unavailable\",\"message\":\"try again\"}")
			.reply(201, basin("my-basin-1"))
			.reply(201, basin("my-basin-1"));
		this.client.basins().create(CreateBasinRequest.of("my-basin-1"));
		this.client.basins().create(CreateBasinRequest.of("my-basin-1"));
		List<Recorded> requests = this.server.requests();
		assertThat(requests).hasSize(3);
		assertThat(requests.get(1).header("s2-request-token")).isEqualTo(requests.get(0).header("s2-request-token"));
		assertThat(requests.get(2).header("s2-request-token")).isNotEqualTo(requests.get(0).header("s2-request-token"));
		assertThat(requests.get(0).body()).isEqualTo("{\"basin\":\"my-basin-1\"}");
	}

	@Test
	void ensureReadsTheProvisionResultHeaderElseTheStatus() {
		this.server.reply(200, basin("my-basin-1"), "s2-provision-result", "noop")
			.reply(201, basin("my-basin-1"), "s2-provision-result", "created")
			.reply(200, basin("my-basin-1"), "s2-provision-result", "updated")
			.reply(201, basin("my-basin-1"))
			.reply(200, basin("my-basin-1"));
		List<ProvisionResult> results = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			Provisioned<BasinInfo> provisioned = this.client.basins().ensure(CreateBasinRequest.of("my-basin-1"));
			assertThat(provisioned.info().name()).isEqualTo("my-basin-1");
			results.add(provisioned.result());
		}
		assertThat(results).containsExactly(ProvisionResult.NOOP, ProvisionResult.CREATED, ProvisionResult.UPDATED,
				ProvisionResult.CREATED, ProvisionResult.UPDATED);
		Recorded first = this.server.requests().get(0);
		assertThat(first.method()).isEqualTo("PUT");
		assertThat(first.rawPath()).isEqualTo("/v1/basins/my-basin-1");
		assertThat(first.body()).isEqualTo("{}");
		assertThat(first.header("s2-request-token")).isNull();
	}

	@Test
	void reconfigureSendsAbsentNullAndValuesExactly() {
		this.server.reply(200, "{\"default_stream_config\":{\"storage_class\":\"express\"},\"stream_cipher\":null,"
				+ "\"create_stream_on_append\":true,\"create_stream_on_read\":false}");
		BasinConfig config = this.client.basins()
			.reconfigure("my-basin-1",
					BasinReconfiguration.builder()
						.defaultStreamConfig(Patch.set(StreamReconfiguration.builder()
							.storageClass(Patch.set(StorageClass.EXPRESS))
							.retentionPolicy(Patch.reset())
							.build()))
						.createStreamOnAppend(Patch.set(true))
						.createStreamOnRead(Patch.reset())
						.build());
		assertThat(config).isEqualTo(BasinConfig.builder()
			.defaultStreamConfig(StreamConfig.builder().storageClass(StorageClass.EXPRESS).build())
			.createStreamOnAppend(true)
			.build());
		Recorded request = this.server.onlyRequest();
		assertThat(request.method()).isEqualTo("PATCH");
		assertThat(request.body()).isEqualTo("{\"default_stream_config\":{\"storage_class\":\"express\","
				+ "\"retention_policy\":null},\"create_stream_on_append\":true,\"create_stream_on_read\":null}");
	}

	@Test
	void getConfigAndDelete() {
		this.server.reply(200, "{\"create_stream_on_read\":true}").reply(202, "");
		assertThat(this.client.basins().getConfig("my-basin-1"))
			.isEqualTo(BasinConfig.builder().createStreamOnRead(true).build());
		this.client.basins().delete("my-basin-1");
		assertThat(this.server.requests()).extracting((r) -> r.method() + " " + r.rawPath())
			.containsExactly("GET /v1/basins/my-basin-1", "DELETE /v1/basins/my-basin-1");
	}

	@Test
	void errorsAreTypedWithStatusCodeAndMessage() {
		this.server.reply(404, "{\"code\":\"basin_not_found\",\"message\":\"basin not found\"}")
			.reply(409, "{\"code\":\"basin_deletion_pending\",\"message\":\"basin is being deleted\"}")
			.reply(422, "{\"code\":\"invalid\",\"message\":\"age must be greater than 0 seconds\"}");
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.client.basins().getConfig("my-basin-1"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("basin_not_found"))
			.withMessage("basin not found");
		assertThatExceptionOfType(S2Exception.class).isThrownBy(() -> this.client.basins().delete("my-basin-1"))
			.satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(409);
				assertThat(ex.code()).isEqualTo("basin_deletion_pending");
				assertThat(ex.retryable()).isFalse();
			});
		assertThatExceptionOfType(S2Exception.class)
			.isThrownBy(() -> this.client.basins().reconfigure("my-basin-1", BasinReconfiguration.builder().build()))
			.satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(422);
				assertThat(ex.code()).isEqualTo("invalid");
				assertThat(ex.getMessage()).isEqualTo("age must be greater than 0 seconds");
			});
		assertThat(this.server.requests()).hasSize(3);
	}

	@Test
	void asyncFormsCompleteWithResultsAndTypedFailures() throws Exception {
		this.server.reply(201, basin("my-basin-1"))
			.reply(200, basin("my-basin-1"), "s2-provision-result", "noop")
			.reply(200, "{}")
			.reply(200, "{}")
			.reply(202, "")
			.reply(200, "{\"basins\":[" + basin("my-basin-1") + "],\"has_more\":false}")
			.reply(200, "{\"basins\":[" + basin("my-basin-1") + "],\"has_more\":false}")
			.reply(404, "{\"code\":\"basin_not_found\",\"message\":\"gone\"}");
		BasinsClient basins = this.client.basins();
		assertThat(basins.createAsync(CreateBasinRequest.of("my-basin-1")).get(10, TimeUnit.SECONDS).name())
			.isEqualTo("my-basin-1");
		assertThat(basins.ensureAsync(CreateBasinRequest.of("my-basin-1")).get(10, TimeUnit.SECONDS).result())
			.isEqualTo(ProvisionResult.NOOP);
		assertThat(basins.getConfigAsync("my-basin-1").get(10, TimeUnit.SECONDS)).isEqualTo(BasinConfig.defaults());
		assertThat(
				basins.reconfigureAsync("my-basin-1", BasinReconfiguration.builder().build()).get(10, TimeUnit.SECONDS))
			.isEqualTo(BasinConfig.defaults());
		assertThat(basins.deleteAsync("my-basin-1").get(10, TimeUnit.SECONDS)).isNull();
		assertThat(basins.listPageAsync(ListRequest.all()).get(10, TimeUnit.SECONDS).items()).hasSize(1);
		assertThat(basins.listAllAsync(ListRequest.all()).get(10, TimeUnit.SECONDS)).extracting(BasinInfo::name)
			.containsExactly("my-basin-1");
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> basins.getConfigAsync("my-basin-1").get(10, TimeUnit.SECONDS))
			.withCauseInstanceOf(NotFoundException.class);
	}

	@Test
	void invalidNamesFailBeforeTheWire() {
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> this.client.basins().delete("Bad Name"))
			.withMessageContaining("\"Bad Name\"");
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> this.client.basins().list(ListRequest.withPrefix("-x")))
			.withMessageContaining("\"-x\"");
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> this.client.basins().create(CreateBasinRequest.of("short")))
			.withMessageContaining("\"short\"");
		assertThat(this.server.requests()).isEmpty();
	}

	static String basin(String name) {
		return "{\"name\":\"" + name + "\",\"location\":\"aws:us-east-1\",\"created_at\":\"2026-11-27T00:00:00Z\","
				+ "\"deleted_at\":null,\"state\":\"active\"}";
	}

}
