package io.github.s2spring.client.control;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.github.s2spring.client.S2Client;
import io.github.s2spring.client.config.RetryPolicy;
import io.github.s2spring.client.control.model.BasinConfig;
import io.github.s2spring.client.control.model.BasinInfo;
import io.github.s2spring.client.control.model.CreateBasinRequest;
import io.github.s2spring.client.control.model.ListRequest;
import io.github.s2spring.client.error.RateLimitedException;
import io.github.s2spring.client.error.S2Exception;
import io.github.s2spring.client.error.TransportException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ControlTransportTests extends ScriptedServerTests {

	@Test
	void retryableStatusesAreRetriedUntilSuccess() {
		this.server.reply(503, "{\"code\":\"unavailable\",\"message\":\"later\"}")
			.reply(429, "{\"code\":\"rate_limited\",\"message\":\"slow down\"}")
			.reply(200, "{}");
		assertThat(this.client.basins().getConfig("my-basin-1")).isEqualTo(BasinConfig.defaults());
		assertThat(this.server.requests()).hasSize(3);
	}

	@Test
	void retriesStopAfterTheConfiguredAttemptsWithTheLastError() {
		this.server.otherwise(429, "{\"code\":\"rate_limited\",\"message\":\"slow down\"}");
		assertThatExceptionOfType(RateLimitedException.class)
			.isThrownBy(() -> this.client.basins().getConfig("my-basin-1"))
			.satisfies((ex) -> assertThat(ex.retryable()).isTrue())
			.withMessage("slow down");
		assertThat(this.server.requests()).hasSize(3);
	}

	@Test
	void clientErrorsAreNotRetried() {
		this.server.reply(400, "{\"code\":\"bad_json\",\"message\":\"bad body\"}");
		assertThatExceptionOfType(S2Exception.class).isThrownBy(() -> this.client.basins().getConfig("my-basin-1"))
			.satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(400);
				assertThat(ex.code()).isEqualTo("bad_json");
				assertThat(ex.retryable()).isFalse();
			});
		assertThat(this.server.requests()).hasSize(1);
	}

	@Test
	void aNonRetryableConflictIsNotRetriedButATransactionConflictIs() {
		this.server.reply(409, "{\"code\":\"transaction_conflict\",\"message\":\"again\"}")
			.reply(409, "{\"code\":\"resource_already_exists\",\"message\":\"exists\"}");
		assertThatExceptionOfType(S2Exception.class).isThrownBy(() -> this.client.basins().getConfig("my-basin-1"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("resource_already_exists"));
		assertThat(this.server.requests()).hasSize(2);
	}

	@Test
	void retryAfterMsIsHonouredAsAMinimumDelay() {
		this.server.reply(429, "{\"code\":\"rate_limited\",\"message\":\"wait\"}", "Retry-After-Ms", "400")
			.reply(200, "{}");
		long start = System.nanoTime();
		this.client.basins().getConfig("my-basin-1");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
		assertThat(this.server.requests()).hasSize(2);
	}

	@Test
	void aMalformedRetryAfterIsIgnored() {
		this.server.reply(503, "", "retry-after-ms", "soon").reply(200, "{}");
		assertThat(this.client.basins().getConfig("my-basin-1")).isEqualTo(BasinConfig.defaults());
		assertThat(this.server.requests()).hasSize(2);
	}

	@Test
	void anErrorWithoutJsonKeepsTheStatus() {
		this.server.reply(418, "");
		assertThatExceptionOfType(S2Exception.class).isThrownBy(() -> this.client.basins().getConfig("my-basin-1"))
			.satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(418);
				assertThat(ex.retryable()).isFalse();
			});
	}

	@Test
	void aMalformedSuccessBodyIsAProtocolErrorAndNotRetried() {
		this.server.reply(200, "not json").reply(200, "[1]").reply(200, "{\"basins\":[{\"nom\":1}]}");
		assertThatExceptionOfType(TransportException.class)
			.isThrownBy(() -> this.client.basins().getConfig("my-basin-1"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(TransportException.PROTOCOL_ERROR))
			.withMessageContaining("get basin config \"my-basin-1\"");
		assertThatExceptionOfType(TransportException.class)
			.isThrownBy(() -> this.client.basins().getConfig("my-basin-1"))
			.withMessageContaining("not a JSON object");
		assertThatExceptionOfType(TransportException.class)
			.isThrownBy(() -> this.client.basins().listPage(ListRequest.all()))
			.withMessageContaining("\"name\" is missing");
		assertThat(this.server.requests()).hasSize(3);
	}

	@Test
	void aRefusedConnectionIsARetryableTransportFailure() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		try (S2Client refused = ControlTestSupport.client("http://127.0.0.1:" + port)) {
			assertThatExceptionOfType(TransportException.class)
				.isThrownBy(() -> refused.basins().getConfig("my-basin-1"))
				.satisfies((ex) -> {
					assertThat(ex.code()).isEqualTo(TransportException.CONNECT_FAILED);
					assertThat(ex.retryable()).isTrue();
					assertThat(ex.getMessage()).doesNotContain(ControlTestSupport.TOKEN);
				});
		}
	}

	@Test
	void aConnectionClosedWithoutAnswerIsRetried() {
		this.server.reply(-1, "").reply(200, "{}");
		assertThat(this.client.basins().getConfig("my-basin-1")).isEqualTo(BasinConfig.defaults());
		assertThat(this.server.requests()).hasSize(2);
	}

	@Test
	void aSlowResponseTimesOutAfterTheRequestTimeout() {
		this.server.replyAfter(3000, 200, "{}");
		try (S2Client impatient = S2Client.create(ControlTestSupport.config(this.server.endpoint())
			.requestTimeout(Duration.ofMillis(200))
			.retryPolicy(RetryPolicy.NONE)
			.build())) {
			assertThatExceptionOfType(TransportException.class)
				.isThrownBy(() -> impatient.basins().getConfig("my-basin-1"))
				.satisfies((ex) -> {
					assertThat(ex.code()).isEqualTo(TransportException.REQUEST_TIMEOUT);
					assertThat(ex.retryable()).isTrue();
					assertThat(ex.noSideEffects()).isFalse();
				});
		}
	}

	@Test
	void aClosedClientFailsBlockingAndAsyncCalls() {
		BasinsClient basins = this.client.basins();
		this.client.close();
		assertThatExceptionOfType(TransportException.class).isThrownBy(() -> basins.getConfig("my-basin-1"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(TransportException.CLOSED));
		CompletableFuture<BasinConfig> future = basins.getConfigAsync("my-basin-1");
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> future.get(10, TimeUnit.SECONDS))
			.withCauseInstanceOf(TransportException.class);
		assertThatExceptionOfType(TransportException.class).isThrownBy(this.client::basins);
		assertThat(this.server.requests()).isEmpty();
	}

	@Test
	void closingDuringABackoffStopsTheRetry() throws Exception {
		this.server.reply(503, "{\"code\":\"unavailable\",\"message\":\"later\"}", "retry-after-ms", "60000");
		CompletableFuture<BasinInfo> future = this.client.basins().createAsync(CreateBasinRequest.of("my-basin-1"));
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> this.server.requests().size() == 1);
		this.client.close();
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> future.get(20, TimeUnit.SECONDS))
			.withCauseInstanceOf(TransportException.class);
	}

	@Test
	void closingLeavesNoControlPlaneThreadBehind() throws Exception {
		Set<Thread> before = Thread.getAllStackTraces().keySet();
		Set<Thread> started = new HashSet<>();
		try (S2Client fresh = ControlTestSupport.client(this.server.endpoint())) {
			this.server.reply(200, "{}");
			fresh.basins().getConfigAsync("my-basin-1").get(10, TimeUnit.SECONDS);
			started.addAll(Thread.getAllStackTraces().keySet());
			started.removeAll(before);
		}
		started.removeIf((thread) -> !thread.getName().startsWith("s2-control")
				&& !thread.getName().contains("SelectorManager"));
		assertThat(started).extracting(Thread::getName).anyMatch((name) -> name.startsWith("s2-control-"));
		Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			System.gc();
			assertThat(started).filteredOn(Thread::isAlive).isEmpty();
		});
	}

	@Test
	void theTokenNeverAppearsInToStringOrErrors() {
		this.server.reply(401, "{\"code\":\"authn\",\"message\":\"bad token\"}");
		assertThat(this.client.toString()).doesNotContain(ControlTestSupport.TOKEN);
		assertThat(this.client.config().toString()).doesNotContain(ControlTestSupport.TOKEN);
		assertThatExceptionOfType(S2Exception.class).isThrownBy(() -> this.client.basins().getConfig("my-basin-1"))
			.satisfies((ex) -> {
				assertThat(ex.toString()).doesNotContain(ControlTestSupport.TOKEN);
				assertThat(ex.status()).isEqualTo(401);
			});
	}

}
