package io.github.s2spring.client.internal.control;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.github.s2spring.client.control.model.BasinConfig;
import io.github.s2spring.client.control.model.BasinInfo;
import io.github.s2spring.client.control.model.BasinState;
import io.github.s2spring.client.control.model.DeleteOnEmptyConfig;
import io.github.s2spring.client.control.model.DeleteOnEmptyReconfiguration;
import io.github.s2spring.client.control.model.ListRequest;
import io.github.s2spring.client.control.model.Patch;
import io.github.s2spring.client.control.model.RetentionPolicy;
import io.github.s2spring.client.control.model.StreamCipher;
import io.github.s2spring.client.control.model.StreamConfig;
import io.github.s2spring.client.control.model.TimestampingConfig;
import io.github.s2spring.client.control.model.TimestampingMode;
import io.github.s2spring.client.error.ValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ControlJsonTests {

	@Test
	void timestampsAreParsedLeniently() {
		assertThat(Json.parseInstant("t", "2026-11-27T00:00:00Z")).isEqualTo(Instant.parse("2026-11-27T00:00:00Z"));
		assertThat(Json.parseInstant("t", "2026-11-27t00:00:00.1z"))
			.isEqualTo(Instant.parse("2026-11-27T00:00:00.100Z"));
		assertThat(Json.parseInstant("t", "2026-11-27T00:00:00.123456789Z"))
			.isEqualTo(Instant.parse("2026-11-27T00:00:00.123456789Z"));
		assertThat(Json.parseInstant("t", "2026-11-26T19:30:00.25-04:30"))
			.isEqualTo(Instant.parse("2026-11-27T00:00:00.250Z"));
		assertThatExceptionOfType(Json.MalformedJsonException.class)
			.isThrownBy(() -> Json.parseInstant("created_at", "yesterday"))
			.withMessageContaining("\"created_at\"")
			.withMessageContaining("yesterday");
		assertThat(Json.formatInstant(Instant.parse("2027-01-02T03:04:05Z"))).isEqualTo("2027-01-02T03:04:05Z");
	}

	@Test
	void streamConfigRoundTripsWithEveryShape() {
		StreamConfig config = new StreamConfig(null, RetentionPolicy.infinite(),
				new TimestampingConfig(TimestampingMode.CLIENT_REQUIRE, true),
				new DeleteOnEmptyConfig(Duration.ofSeconds(5)));
		String json = text(ConfigJson.streamConfig(config));
		assertThat(json).isEqualTo("{\"retention_policy\":{\"infinite\":{}},"
				+ "\"timestamping\":{\"mode\":\"client-require\",\"uncapped\":true},\"delete_on_empty\":{\"min_age_secs\":5}}");
		assertThat(ConfigJson.readStreamConfig(read(json))).isEqualTo(config);
		assertThat(ConfigJson.readStreamConfig(read("{\"timestamping\":{},\"delete_on_empty\":{}}")))
			.isEqualTo(new StreamConfig(null, null, new TimestampingConfig(null, null), null));
	}

	@Test
	void basinConfigAlwaysWritesItsBooleans() {
		assertThat(text(ConfigJson.basinConfig(BasinConfig.defaults())))
			.isEqualTo("{\"create_stream_on_append\":false,\"create_stream_on_read\":false}");
		assertThat(text(ConfigJson.basinConfig(BasinConfig.builder().streamCipher(StreamCipher.AES_256_GCM).build())))
			.isEqualTo(
					"{\"stream_cipher\":\"aes-256-gcm\",\"create_stream_on_append\":false,\"create_stream_on_read\":false}");
	}

	@Test
	void basinInfoAcceptsTheOlderScopeAndDerivesTheState() {
		BasinInfo info = ResourceJson.readBasinInfo(
				read("{\"name\":\"old-basin-1\",\"scope\":\"aws:us-east-1\",\"deleted_at\":\"2026-01-01T00:00:00Z\"}"));
		assertThat(info).isEqualTo(new BasinInfo("old-basin-1", "aws:us-east-1", null,
				Instant.parse("2026-01-01T00:00:00Z"), BasinState.DELETING));
		assertThat(ResourceJson.readBasinInfo(read("{\"name\":\"new-basin-1\"}")).state()).isEqualTo(BasinState.ACTIVE);
	}

	@Test
	void malformedShapesNameTheField() {
		assertThatExceptionOfType(Json.MalformedJsonException.class)
			.isThrownBy(() -> ConfigJson.readStreamConfig(read("{\"retention_policy\":{\"forever\":true}}")))
			.withMessageContaining("neither age nor infinite");
		assertThatExceptionOfType(Json.MalformedJsonException.class)
			.isThrownBy(() -> ConfigJson.readStreamConfig(read("{\"retention_policy\":{\"age\":\"1d\"}}")))
			.withMessageContaining("\"age\" is not an integer");
		assertThatExceptionOfType(Json.MalformedJsonException.class)
			.isThrownBy(() -> ConfigJson.readBasinConfig(read("{\"create_stream_on_read\":\"yes\"}")))
			.withMessageContaining("\"create_stream_on_read\" is not a boolean");
		assertThatExceptionOfType(Json.MalformedJsonException.class)
			.isThrownBy(() -> ResourceJson.readStreamInfo(read("{\"name\":7}")))
			.withMessageContaining("\"name\" is not a string");
		assertThatExceptionOfType(Json.MalformedJsonException.class)
			.isThrownBy(() -> ResourceJson.readPage(read("{\"streams\":{}}"), "streams", ResourceJson::readStreamInfo))
			.withMessageContaining("\"streams\" is not an array");
		assertThatExceptionOfType(Json.MalformedJsonException.class)
			.isThrownBy(() -> ResourceJson.readPage(read("{}"), "streams", ResourceJson::readStreamInfo))
			.withMessageContaining("\"streams\" is missing");
		assertThatExceptionOfType(Json.MalformedJsonException.class).isThrownBy(() -> Json.read(new byte[0]))
			.withMessageContaining("empty");
		assertThatExceptionOfType(Json.MalformedJsonException.class)
			.isThrownBy(() -> MetricJson
				.readMetricSet(read("{\"values\":[{\"scalar\":{\"name\":\"s\",\"unit\":\"bytes\",\"value\":\"x\"}}]}")))
			.withMessageContaining("scalar metric value is not a number");
	}

	@Test
	void modelValuesRejectWhatS2Rejects() {
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> RetentionPolicy.age(Duration.ZERO))
			.withMessageContaining("retention age");
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> new DeleteOnEmptyConfig(Duration.ofSeconds(-1)))
			.withMessageContaining("delete-on-empty min age");
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> new DeleteOnEmptyReconfiguration(Patch.set(Duration.ofSeconds(-1))));
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> ListRequest.all().limit(0))
			.withMessageContaining("list limit");
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> ListRequest.all().limit(1001));
		assertThat(ListRequest.all().limit(1000).prefix("p")).isEqualTo(new ListRequest("p", "", 1000));
	}

	@Test
	void patchesSayWhatTheyDo() {
		assertThat(Patch.unchanged().isUnchanged()).isTrue();
		assertThat(Patch.reset().isUnchanged()).isFalse();
		assertThat(Patch.<Integer>set(2).map((v) -> v * 2)).isEqualTo(Patch.set(4));
		assertThat(Patch.<Integer>reset().map((v) -> v * 2)).isSameAs(Patch.reset());
		assertThat(Patch.<Integer>unchanged().map((v) -> v * 2)).isSameAs(Patch.unchanged());
		assertThat(Patch.unchanged()).hasToString("Patch.unchanged()");
		assertThat(Patch.reset()).hasToString("Patch.reset()");
		assertThat(RetentionPolicy.infinite()).hasToString("RetentionPolicy.infinite()");
		assertThatExceptionOfType(NullPointerException.class).isThrownBy(() -> Patch.set(null));
	}

	private static JsonNode read(String json) {
		return Json.read(json.getBytes(StandardCharsets.UTF_8));
	}

	private static String text(JsonNode json) {
		return new String(Json.write(json), StandardCharsets.UTF_8);
	}

}
