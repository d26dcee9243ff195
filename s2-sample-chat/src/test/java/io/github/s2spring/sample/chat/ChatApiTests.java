package io.github.s2spring.sample.chat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.s2spring.core.S2Operations;

import static io.github.s2spring.sample.chat.ChatHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The chat's HTTP API over real HTTP, on the embedded S2 the application starts by
 * default: exact messages, order, status codes and errors.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Timeout(60) // a live-events test that receives nothing fails instead of waiting forever
class ChatApiTests {

	@LocalServerPort
	int port;

	private ChatHttp http;

	@BeforeEach
	void http() {
		this.http = new ChatHttp(this.port);
	}

	@Autowired
	S2Operations s2;

	@Test
	void roomsAreCreatedOnceWithValidNames() throws Exception {
		assertThat(this.http.post("/rooms", "{\"name\":\"lobby\"}").statusCode()).isEqualTo(201);
		HttpResponse<String> again = this.http.post("/rooms", "{\"name\":\"lobby\"}");
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(json(again).get("errors").get("name").asString()).isEqualTo("exists already");
		HttpResponse<String> bad = this.http.post("/rooms", "{\"name\":\"Not A Room!\"}");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(json(bad).get("errors").get("name").asString()).startsWith("Room names are 1 to 40 lowercase");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> json(this.http.get("/rooms")).valueStream()
				.anyMatch((room) -> room.get("name").asString().equals("lobby")));
	}

	@Test
	void postedMessagesComeBackInOrderAndPageByPage() throws Exception {
		this.http.post("/rooms", "{\"name\":\"history\"}");
		for (String text : List.of("one", "two", "three")) {
			HttpResponse<String> posted = this.http.post("/rooms/history/messages",
					"{\"user\":\"ann\",\"text\":\"" + text + "\"}");
			assertThat(posted.statusCode()).isEqualTo(201);
		}
		JsonNode page = json(this.http.get("/rooms/history/messages"));
		assertThat(page.get("nextSeq").asLong()).isEqualTo(3);
		assertThat(
				page.get("messages").valueStream().map((m) -> m.get("seq").asLong() + ":" + m.get("text").asString()))
			.containsExactly("0:one", "1:two", "2:three");
		assertThat(page.get("messages").get(0).get("sentAt").asString()).isNotBlank();
		JsonNode older = json(this.http.get("/rooms/history/messages?before=2&limit=1"));
		assertThat(older.get("messages").valueStream().map((m) -> m.get("text").asString())).containsExactly("two");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> json(this.http.get("/rooms")).valueStream()
				.filter((room) -> room.get("name").asString().equals("history"))
				.anyMatch((room) -> room.get("messages").asLong() == 3 && !room.get("lastActivity").isNull()));
	}

	@Test
	void invalidPostsAre400WithFieldErrorsAndWriteNothing() throws Exception {
		this.http.post("/rooms", "{\"name\":\"strict\"}");
		HttpResponse<String> blank = this.http.post("/rooms/strict/messages", "{\"user\":\" \",\"text\":\"hi\"}");
		assertThat(blank.statusCode()).isEqualTo(400);
		assertThat(json(blank).get("errors").properties()).extracting(Map.Entry::getKey).containsExactly("user");
		assertThat(json(blank).get("errors").get("user").asString()).isEqualTo("must not be blank");
		HttpResponse<String> tooLong = this.http.post("/rooms/strict/messages",
				"{\"user\":\"" + "u".repeat(33) + "\",\"text\":\"" + "t".repeat(4001) + "\"}");
		assertThat(tooLong.statusCode()).isEqualTo(400);
		assertThat(json(tooLong).get("errors").get("user").asString()).isEqualTo("must be at most 32 characters");
		assertThat(json(tooLong).get("errors").get("text").asString()).isEqualTo("must be at most 4000 characters");
		assertThat(json(this.http.get("/rooms/strict/messages")).get("nextSeq").asLong()).isZero();
	}

	@Test
	void unknownRoomsAre404() throws Exception {
		assertThat(this.http.get("/rooms/nowhere/messages").statusCode()).isEqualTo(404);
		assertThat(this.http.post("/rooms/nowhere/messages", "{\"user\":\"a\",\"text\":\"b\"}").statusCode())
			.isEqualTo(404);
		assertThat(this.http.get("/rooms/nowhere/events").statusCode()).isEqualTo(404);
	}

	@Test
	void eventsAreLiveAndResumeAfterTheLastEventIdWithoutGapsOrRepeats() throws Exception {
		this.http.post("/rooms", "{\"name\":\"live\"}");
		assertThat(this.http.post("/rooms/live/messages", "{\"user\":\"a\",\"text\":\"m0\"}").statusCode())
			.isEqualTo(201);
		assertThat(this.http.post("/rooms/live/messages", "{\"user\":\"a\",\"text\":\"m1\"}").statusCode())
			.isEqualTo(201);
		assertThat(events("/rooms/live/events?from=0", null, 2)).containsExactly("0:m0", "1:m1");
		assertThat(this.http.post("/rooms/live/messages", "{\"user\":\"a\",\"text\":\"m2\"}").statusCode())
			.isEqualTo(201);
		assertThat(this.http.post("/rooms/live/messages", "{\"user\":\"a\",\"text\":\"m3\"}").statusCode())
			.isEqualTo(201);
		assertThat(events("/rooms/live/events?from=0", "1", 2)).containsExactly("2:m2", "3:m3");
	}

	@Test
	void olderAndForeignRecordsAreReadLeniently() throws Exception {
		this.http.post("/rooms", "{\"name\":\"legacy\"}");
		this.s2.send("chat/legacy", Map.of("user", "old", "text", "from before", "emoji", ":)")).join();
		JsonNode page = json(this.http.get("/rooms/legacy/messages"));
		assertThat(page.get("messages")).singleElement().satisfies((message) -> {
			assertThat(message.get("user").asString()).isEqualTo("old");
			assertThat(message.get("text").asString()).isEqualTo("from before");
			assertThat(message.get("sentAt").isNull()).isTrue();
		});
	}

	private List<String> events(String path, String lastEventId, int count) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.http.uri(path)).timeout(Duration.ofSeconds(20)).GET();
		if (lastEventId != null) {
			request.header("Last-Event-ID", lastEventId);
		}
		HttpResponse<Stream<String>> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
		assertThat(response.statusCode()).isEqualTo(200);
		List<String> events = new ArrayList<>();
		try (Stream<String> lines = response.body()) {
			Iterator<String> iterator = lines.iterator();
			String id = null;
			while (events.size() < count && iterator.hasNext()) {
				String line = iterator.next();
				if (line.startsWith("id:")) {
					id = line.substring(3).trim();
				}
				else if (line.startsWith("data:")) {
					JsonNode message = ChatHttp.JSON.readTree(line.substring(5));
					assertThat(message.get("seq").asString()).isEqualTo(id);
					events.add(id + ":" + message.get("text").asString());
				}
			}
		}
		return events;
	}

}
