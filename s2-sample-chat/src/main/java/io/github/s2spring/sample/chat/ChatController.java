package io.github.s2spring.sample.chat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The chat's JSON API: rooms, history and posting. Live updates are in
 * {@link ChatEventsController}.
 */
@RestController
class ChatController {

	private static final int MAX_PAGE = 200;

	private final ChatService chat;

	ChatController(ChatService chat) {
		this.chat = chat;
	}

	@GetMapping("/rooms")
	List<RoomSummary> rooms() {
		return this.chat.rooms();
	}

	@PostMapping("/rooms")
	ResponseEntity<Map<String, String>> createRoom(@RequestBody NewRoom room) {
		this.chat.createRoom(room.name());
		return ResponseEntity.created(URI.create("/rooms/" + room.name())).body(Map.of("name", room.name()));
	}

	@GetMapping("/rooms/{room}/messages")
	HistoryPage history(@PathVariable String room, @RequestParam(required = false) @Nullable Long before,
			@RequestParam(defaultValue = "50") int limit) {
		return this.chat.history(room, before, Math.max(1, Math.min(limit, MAX_PAGE)));
	}

	@PostMapping("/rooms/{room}/messages")
	CompletableFuture<ResponseEntity<ChatMessage>> post(@PathVariable String room,
			@Valid @RequestBody Message message) {
		return this.chat.post(room, message)
			.thenApply((posted) -> ResponseEntity.created(URI.create("/rooms/" + room + "/messages/" + posted.seq()))
				.body(posted));
	}

	/**
	 * A room to create.
	 *
	 * @param name the room name
	 */
	record NewRoom(String name) {

	}

}
