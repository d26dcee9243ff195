package io.github.s2spring.client.control;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.s2spring.client.S2Client;
import io.github.s2spring.client.control.model.AccessTokenInfo;
import io.github.s2spring.client.control.model.AccessTokenScope;
import io.github.s2spring.client.control.model.AccountMetricSet;
import io.github.s2spring.client.control.model.BasinConfig;
import io.github.s2spring.client.control.model.BasinInfo;
import io.github.s2spring.client.control.model.BasinMetricSet;
import io.github.s2spring.client.control.model.BasinReconfiguration;
import io.github.s2spring.client.control.model.BasinState;
import io.github.s2spring.client.control.model.CreateBasinRequest;
import io.github.s2spring.client.control.model.CreateStreamRequest;
import io.github.s2spring.client.control.model.ListRequest;
import io.github.s2spring.client.control.model.MetricsQuery;
import io.github.s2spring.client.control.model.Operation;
import io.github.s2spring.client.control.model.Patch;
import io.github.s2spring.client.control.model.ProvisionResult;
import io.github.s2spring.client.control.model.ResourceSet;
import io.github.s2spring.client.control.model.RetentionPolicy;
import io.github.s2spring.client.control.model.StorageClass;
import io.github.s2spring.client.control.model.StreamConfig;
import io.github.s2spring.client.control.model.StreamInfo;
import io.github.s2spring.client.control.model.StreamReconfiguration;
import io.github.s2spring.client.control.model.TimestampingConfig;
import io.github.s2spring.client.control.model.TimestampingMode;
import io.github.s2spring.client.control.model.TimestampingReconfiguration;
import io.github.s2spring.client.error.NotFoundException;
import io.github.s2spring.client.error.S2Exception;
import io.github.s2spring.embedded.S2EmbeddedServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The control plane against the embedded S2 server over real sockets.
 */
class ControlPlaneEmbeddedTests {

	private static S2EmbeddedServer server;

	private static S2Client client;

	@BeforeAll
	static void start() {
		server = S2EmbeddedServer.builder().port(0).build().start();
		client = ControlTestSupport.client(server.baseUrl());
	}

	@AfterAll
	static void stop() {
		client.close();
		server.close();
	}

	@Test
	void theReadmeExampleWorks() {
		// README: control plane
		BasinsClient basins = client.basins();
		basins.ensure(CreateBasinRequest.of("readme-basin-1")
			.withConfig(BasinConfig.builder().createStreamOnAppend(true).build()));
		StreamsClient streams = client.basin("readme-basin-1").streams();
		streams.create(CreateStreamRequest.of("chat/général")
			.withConfig(StreamConfig.builder().retentionPolicy(RetentionPolicy.age(Duration.ofDays(30))).build()));
		streams.reconfigure("chat/général",
				StreamReconfiguration.builder()
					.storageClass(Patch.set(StorageClass.STANDARD))
					.retentionPolicy(Patch.reset())
					.build());
		List<String> names = new ArrayList<>();
		for (StreamInfo stream : streams.list(ListRequest.withPrefix("chat/"))) {
			names.add(stream.name());
		}
		streams.deleteAsync("chat/général").join();
		// end README
		assertThat(names).containsExactly("chat/général");
	}

	@Test
	void basinLifecycle() {
		BasinsClient basins = client.basins();
		BasinInfo created = basins.create(CreateBasinRequest.of("life-basin-1")
			.withConfig(BasinConfig.builder()
				.defaultStreamConfig(StreamConfig.builder().storageClass(StorageClass.STANDARD).build())
				.build()));
		assertThat(created.name()).isEqualTo("life-basin-1");
		assertThat(created.deletedAt()).isNull();
		assertThat(basins.getConfig("life-basin-1").defaultStreamConfig().storageClass())
			.isEqualTo(StorageClass.STANDARD);
		assertThat(basins.ensure(CreateBasinRequest.of("life-basin-2")).result()).isEqualTo(ProvisionResult.CREATED);
		assertThat(basins
			.ensure(CreateBasinRequest.of("life-basin-2")
				.withConfig(BasinConfig.builder().createStreamOnAppend(true).build()))
			.result()).isEqualTo(ProvisionResult.UPDATED);
		assertThat(basins.getConfig("life-basin-2").createStreamOnAppend()).isTrue();
		basins.delete("life-basin-1");
		assertThatExceptionOfType(S2Exception.class).isThrownBy(() -> basins.getConfig("life-basin-1"))
			.satisfies((ex) -> assertThat(ex.code()).isIn("basin_deletion_pending", "basin_not_found"));
	}

	@Test
	void createWithAnotherConfigIsAConflict() {
		client.basins().create(CreateBasinRequest.of("dupe-basin-1"));
		assertThatExceptionOfType(S2Exception.class)
			.isThrownBy(() -> client.basins()
				.create(CreateBasinRequest.of("dupe-basin-1")
					.withConfig(BasinConfig.builder().createStreamOnRead(true).build())))
			.satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(409);
				assertThat(ex.code()).isEqualTo("resource_already_exists");
			});
	}

	@Test
	void listingFollowsPagesAcrossTheServer() {
		for (int i = 1; i <= 5; i++) {
			client.basins().create(CreateBasinRequest.of("page-basin-" + i));
		}
		List<String> names = new ArrayList<>();
		client.basins().list(ListRequest.withPrefix("page-basin-").limit(2)).forEach((b) -> names.add(b.name()));
		assertThat(names).containsExactly("page-basin-1", "page-basin-2", "page-basin-3", "page-basin-4",
				"page-basin-5");
		assertThat(client.basins().listPage(ListRequest.withPrefix("page-basin-").limit(2)).hasMore()).isTrue();
	}

	@Test
	void reconfigureLeavesAbsentFieldsAndResetsNullOnes() {
		client.basins()
			.create(CreateBasinRequest.of("reconf-basin-1")
				.withConfig(BasinConfig.builder().createStreamOnAppend(true).createStreamOnRead(true).build()));
		BasinConfig changed = client.basins()
			.reconfigure("reconf-basin-1", BasinReconfiguration.builder().createStreamOnRead(Patch.reset()).build());
		assertThat(changed.createStreamOnAppend()).isTrue();
		assertThat(changed.createStreamOnRead()).isFalse();
		StreamsClient streams = client.basin("reconf-basin-1").streams();
		streams.create(CreateStreamRequest.of("s")
			.withConfig(StreamConfig.builder().retentionPolicy(RetentionPolicy.age(Duration.ofHours(1))).build()));
		StreamConfig kept = streams.reconfigure("s",
				StreamReconfiguration.builder().storageClass(Patch.set(StorageClass.STANDARD)).build());
		assertThat(kept.retentionPolicy()).isEqualTo(RetentionPolicy.age(Duration.ofHours(1)));
		assertThat(kept.storageClass()).isEqualTo(StorageClass.STANDARD);
		StreamConfig reset = streams.reconfigure("s",
				StreamReconfiguration.builder().retentionPolicy(Patch.reset()).build());
		assertThat(reset.retentionPolicy()).isEqualTo(RetentionPolicy.age(Duration.ofDays(7)));
		assertThat(reset.storageClass()).isEqualTo(StorageClass.STANDARD);
	}

	@Test
	void aStreamNamedWithSlashAccentAndSpaceWorksForEveryOperation() {
		client.basins().create(CreateBasinRequest.of("chat-basin-1"));
		StreamsClient streams = client.basin("chat-basin-1").streams();
		String name = "chat/général x";
		StreamInfo created = streams.create(CreateStreamRequest.of(name));
		assertThat(created.name()).isEqualTo(name);
		assertThat(streams.getConfig(name).retentionPolicy()).isEqualTo(RetentionPolicy.age(Duration.ofDays(7)));
		assertThat(streams
			.reconfigure(name, StreamReconfiguration.builder().storageClass(Patch.set(StorageClass.STANDARD)).build())
			.storageClass()).isEqualTo(StorageClass.STANDARD);
		assertThat(streams.ensure(CreateStreamRequest.of(name)).result()).isEqualTo(ProvisionResult.UPDATED);
		assertThat(streams.getConfig(name).storageClass()).isEqualTo(StorageClass.EXPRESS);
		assertThat(streams.ensure(CreateStreamRequest.of(name)).result()).isEqualTo(ProvisionResult.NOOP);
		assertThat(streams.list(ListRequest.withPrefix("chat/"))).extracting(StreamInfo::name).containsExactly(name);
		streams.delete(name);
		assertThatExceptionOfType(S2Exception.class).isThrownBy(() -> streams.getConfig(name))
			.satisfies((ex) -> assertThat(ex.code()).isIn("stream_deletion_pending", "stream_not_found"));
	}

	@Test
	void aMissingStreamIsNotFound() {
		client.basins().create(CreateBasinRequest.of("missing-basin-1"));
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> client.basin("missing-basin-1").streams().getConfig("nope"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("stream_not_found"));
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> client.basins().getConfig("missing-basin-2"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("basin_not_found"));
	}

	@Test
	void nestedPatchesApplyFieldByFieldOnTheServer() {
		client.basins()
			.create(CreateBasinRequest.of("nested-basin-1")
				.withConfig(BasinConfig.builder()
					.defaultStreamConfig(StreamConfig.builder()
						.retentionPolicy(RetentionPolicy.age(Duration.ofHours(2)))
						.storageClass(StorageClass.STANDARD)
						.build())
					.build()));
		BasinConfig basin = client.basins()
			.reconfigure("nested-basin-1",
					BasinReconfiguration.builder()
						.defaultStreamConfig(
								Patch.set(StreamReconfiguration.builder().retentionPolicy(Patch.reset()).build()))
						.build());
		assertThat(basin.defaultStreamConfig().storageClass()).isEqualTo(StorageClass.STANDARD);
		assertThat(basin.defaultStreamConfig().retentionPolicy())
			.isNotEqualTo(RetentionPolicy.age(Duration.ofHours(2)));
		StreamsClient streams = client.basin("nested-basin-1").streams();
		streams.create(CreateStreamRequest.of("t")
			.withConfig(StreamConfig.builder().timestamping(TimestampingConfig.of(TimestampingMode.ARRIVAL)).build()));
		StreamConfig config = streams.reconfigure("t",
				StreamReconfiguration.builder()
					.timestamping(Patch.set(TimestampingReconfiguration.unchanged().withUncapped(Patch.set(true))))
					.build());
		assertThat(config.timestamping()).isEqualTo(new TimestampingConfig(TimestampingMode.ARRIVAL, true));
	}

	@Test
	void streamPagesFollowNamesWithSlashesSpacesAndAccents() {
		client.basins().create(CreateBasinRequest.of("pages-basin-1"));
		StreamsClient streams = client.basin("pages-basin-1").streams();
		List<String> names = List.of("p/a", "p/b c", "p/\u00e9");
		names.forEach((name) -> streams.create(CreateStreamRequest.of(name)));
		assertThat(streams.list(ListRequest.withPrefix("p/").limit(1))).extracting(StreamInfo::name)
			.containsExactlyElementsOf(names);
	}

	@Test
	void aStreamInAMissingBasinIsNotFound() {
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> client.basin("no-such-basin-9").streams().create(CreateStreamRequest.of("s")))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("basin_not_found"));
	}

	@Test
	void theServerAnswersARepeatedCreateWithTheSameTokenAsNoop() throws Exception {
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		HttpRequest create = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/basins"))
			.header("content-type", "application/json")
			.header("s2-request-token", "same-token-1")
			.POST(HttpRequest.BodyPublishers.ofString("{\"basin\":\"token-basin-1\"}"))
			.build();
		HttpResponse<String> first = http.send(create, HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> second = http.send(create, HttpResponse.BodyHandlers.ofString());
		assertThat(first.statusCode()).isEqualTo(201);
		assertThat(first.headers().firstValue("s2-provision-result")).hasValue("created");
		assertThat(second.statusCode()).isEqualTo(201);
		assertThat(second.headers().firstValue("s2-provision-result")).hasValue("noop");
	}

	@Test
	void aDeletedBasinIsListedAsDeleting() {
		client.basins().create(CreateBasinRequest.of("gone-basin-1"));
		client.basins().delete("gone-basin-1");
		List<BasinInfo> listed = client.basins().listPage(ListRequest.withPrefix("gone-basin-")).items();
		if (!listed.isEmpty()) {
			assertThat(listed).singleElement().satisfies((basin) -> {
				assertThat(basin.state()).isEqualTo(BasinState.DELETING);
				assertThat(basin.deletedAt()).isNotNull();
			});
		}
	}

	@Test
	void streamNamesWithUriDelimitersRoundTrip() {
		client.basins().create(CreateBasinRequest.of("delim-basin-1"));
		StreamsClient streams = client.basin("delim-basin-1").streams();
		List<String> names = List.of("a+b", "q?x=1", "h#frag", "100%", "semi;colon", "dots..", " lead",
				"emoji-\uD83D\uDE00");
		for (String name : names) {
			assertThat(streams.create(CreateStreamRequest.of(name)).name()).isEqualTo(name);
			assertThat(streams.getConfig(name)).isNotNull();
		}
		assertThat(streams.list()).extracting(StreamInfo::name).containsExactlyInAnyOrderElementsOf(names);
		for (String name : names) {
			streams.delete(name);
		}
	}

	@Test
	void accessTokensWorkOrAreATypedNotImplementedError() {
		AccessTokenInfo info = AccessTokenInfo.of("embedded-token-1",
				AccessTokenScope.builder().basins(ResourceSet.prefix("")).ops(Operation.LIST_BASINS).build());
		try {
			assertThat(client.accessTokens().issue(info).accessToken()).isNotEmpty();
			assertThat(client.accessTokens().list(ListRequest.withPrefix("embedded-token-")))
				.extracting(AccessTokenInfo::id)
				.containsExactly("embedded-token-1");
			client.accessTokens().revoke("embedded-token-1");
		}
		catch (S2Exception ex) {
			assertNotImplemented(ex);
		}
	}

	@Test
	void metricsWorkOrAreATypedNotImplementedError() {
		client.basins().create(CreateBasinRequest.of("metric-basin-1"));
		// The server, as the S2 cloud, requires start and end.
		Instant now = Instant.now();
		MetricsQuery lastHour = MetricsQuery.between(now.minusSeconds(3600), now);
		try {
			assertThat(client.metrics().account(AccountMetricSet.ACTIVE_BASINS, lastHour)).isNotNull();
			assertThat(client.metrics().basin("metric-basin-1", BasinMetricSet.STORAGE, lastHour)).isNotNull();
		}
		catch (S2Exception ex) {
			assertNotImplemented(ex);
		}
	}

	private static void assertNotImplemented(S2Exception ex) {
		assertThat(ex.status()).isEqualTo(501);
		assertThat(ex.code()).isEqualTo("not_implemented");
		assertThat(ex.retryable()).isFalse();
	}

}
