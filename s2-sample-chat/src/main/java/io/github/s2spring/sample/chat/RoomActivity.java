package io.github.s2spring.sample.chat;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import io.github.s2spring.annotation.S2Listener;
import io.github.s2spring.support.S2RecordMetadata;

/**
 * Counts the messages of every room and remembers when each last had one, for the room
 * list: one listener on every stream under {@code chat/}, present and future, from the
 * beginning, so the counts are right after a restart too.
 */
@Component
public class RoomActivity {

	private final Map<String, Activity> rooms = new ConcurrentHashMap<>();

	@S2Listener(id = "room-activity", streamPrefix = ChatService.PREFIX, from = "beginning")
	void onMessage(Message message, S2RecordMetadata metadata) {
		String room = metadata.stream().substring(ChatService.PREFIX.length());
		Instant time = (message.sentAt() != null) ? message.sentAt() : Instant.ofEpochMilli(metadata.timestamp());
		this.rooms.merge(room, new Activity(1, time), Activity::plus);
	}

	/**
	 * The activity of a room.
	 * @param room the room
	 * @return its message count and last message time, or {@code null} if none was seen
	 */
	@Nullable Activity of(String room) {
		return this.rooms.get(room);
	}

	/**
	 * A room's activity.
	 *
	 * @param messages how many messages
	 * @param last when the last one was sent
	 */
	record Activity(long messages, Instant last) {

		Activity plus(Activity other) {
			return new Activity(this.messages + other.messages, this.last.isAfter(other.last) ? this.last : other.last);
		}

	}

}
