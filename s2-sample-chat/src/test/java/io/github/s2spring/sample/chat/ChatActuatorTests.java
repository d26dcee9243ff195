package io.github.s2spring.sample.chat;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.github.s2spring.sample.chat.ChatHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The chat's S2 health, meters and {@code s2} endpoint over real HTTP, as its
 * application.yml exposes them, on the embedded S2 it starts by default.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChatActuatorTests {

	@LocalServerPort
	int port;

	private ChatHttp http;

	@BeforeEach
	void http() {
		this.http = new ChatHttp(this.port);
	}

	@Test
	void healthShowsTheControlPlaneAndTheRoomActivityListener() throws Exception {
		HttpResponse<String> response = this.http.get("/actuator/health/s2");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode health = json(response);
		assertThat(health.get("status").asString()).isEqualTo("UP");
		assertThat(health.get("details").get("controlPlane").get("status").asString()).isEqualTo("UP");
		JsonNode listener = health.get("details").get("listeners").get("room-activity");
		assertThat(listener.get("status").asString()).isEqualTo("UP");
		assertThat(listener.get("running").asBoolean()).isTrue();
		assertThat(listener.get("paused").asBoolean()).isFalse();
	}

	@Test
	void endpointAndMetersShowWhatTheRoomActivityListenerRead() throws Exception {
		assertThat(this.http.post("/rooms", "{\"name\":\"observed\"}").statusCode()).isEqualTo(201);
		for (String text : new String[] { "one", "two", "three" }) {
			assertThat(this.http.post("/rooms/observed/messages", "{\"user\":\"ann\",\"text\":\"" + text + "\"}")
				.statusCode()).isEqualTo(201);
		}
		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
			JsonNode stream = stream(json(this.http.get("/actuator/s2")), "chat/observed");
			assertThat(stream).isNotNull();
			assertThat(stream.get("messages").asLong()).isEqualTo(3);
		});
		JsonNode s2 = json(this.http.get("/actuator/s2"));
		JsonNode stream = stream(s2, "chat/observed");
		assertThat(stream.get("basin").asString()).isEqualTo("chat-sample");
		assertThat(stream.get("phase").asString()).isEqualTo("CONNECTED");
		assertThat(stream.get("position").asLong()).isEqualTo(3);
		assertThat(stream.get("tail").asLong()).isEqualTo(3);
		assertThat(stream.get("lag").asLong()).isZero();
		assertThat(s2.get("appenders")
			.valueStream()
			.filter((appender) -> appender.get("stream").asString().equals("chat/observed"))
			.map((appender) -> appender.get("sent").asLong())).containsExactly(3L);

		long delivered = s2.get("listeners")
			.get(0)
			.get("streams")
			.valueStream()
			.mapToLong((each) -> each.get("messages").asLong())
			.sum();
		JsonNode meter = json(this.http.get("/actuator/metrics/s2.listener.messages?tag=s2.listener.id:room-activity"));
		assertThat(meter.get("baseUnit").asString()).isEqualTo("messages");
		assertThat(meter.get("measurements").get(0).get("value").asDouble()).isEqualTo(delivered);
		assertThat(json(this.http.get("/actuator/metrics/s2.listener.lag?tag=s2.listener.id:room-activity"))
			.get("measurements")
			.get(0)
			.get("value")
			.asDouble()).isZero();
	}

	@Test
	void pausesAndResumesTheListenerThroughTheEndpoint() throws Exception {
		HttpResponse<String> paused = this.http.post("/actuator/s2/room-activity", "{\"action\":\"pause\"}");
		assertThat(paused.statusCode()).isEqualTo(200);
		assertThat(json(paused).get("paused").asBoolean()).isTrue();
		assertThat(json(this.http.get("/actuator/s2/room-activity")).get("paused").asBoolean()).isTrue();
		HttpResponse<String> resumed = this.http.post("/actuator/s2/room-activity", "{\"action\":\"resume\"}");
		assertThat(resumed.statusCode()).isEqualTo(200);
		assertThat(json(resumed).get("paused").asBoolean()).isFalse();
		assertThat(this.http.post("/actuator/s2/room-activity", "{\"action\":\"jump\"}").statusCode()).isEqualTo(400);
		assertThat(this.http.post("/actuator/s2/nobody", "{\"action\":\"pause\"}").statusCode()).isEqualTo(400);
		assertThat(this.http.get("/actuator/s2/nobody").statusCode()).isEqualTo(404);
	}

	private static JsonNode stream(JsonNode s2, String name) {
		return s2.get("listeners")
			.get(0)
			.get("streams")
			.valueStream()
			.filter((stream) -> stream.get("stream").asString().equals(name))
			.findFirst()
			.orElse(null);
	}

}
