package io.github.s2spring.sample.chat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;

import io.github.s2spring.client.control.model.ListRequest;
import io.github.s2spring.client.control.model.StreamInfo;
import io.github.s2spring.core.S2Operations;
import io.github.s2spring.core.S2ReceivedMessage;
import io.github.s2spring.core.S2Subscription;
import io.github.s2spring.support.S2StartPosition;

/**
 * The chat, on S2: a room is the stream {@code chat/<room>}; posting sends a
 * {@link Message} with the template; history reads the stream; listening follows it live
 * from a seq num.
 */
@Service
public class ChatService {

	/** The stream name prefix of rooms. */
	static final String PREFIX = "chat/";

	private static final Pattern ROOM_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

	private final S2Operations s2;

	private final RoomActivity activity;

	private final Clock clock;

	ChatService(S2Operations s2, RoomActivity activity, Clock clock) {
		this.s2 = s2;
		this.activity = activity;
		this.clock = clock;
	}

	/**
	 * Creates a room.
	 * @param room the room name: 1 to 40 lowercase letters, digits and hyphens, starting
	 * with a letter or digit
	 * @throws InvalidRoomNameException if the name is not one
	 * @throws io.github.s2spring.client.error.ConflictException if the room exists
	 */
	public void createRoom(String room) {
		this.s2.createStream(stream(room));
	}

	/**
	 * Posts a message; it is durable when the future completes.
	 * @param room the room
	 * @param message the message (validated by the caller)
	 * @return the message with its seq num and time
	 */
	public CompletableFuture<ChatMessage> post(String room, Message message) {
		Message accepted = message.sentAt(this.clock.instant());
		return this.s2.send(stream(room), accepted).thenApply((result) -> ChatMessage.of(result.seqNum(), accepted));
	}

	/**
	 * Messages before a seq num.
	 * @param room the room
	 * @param before the seq num to stop before, or {@code null} for the tail
	 * @param limit the most messages to return
	 * @return the messages, oldest first, and where live updates start
	 * @throws io.github.s2spring.client.error.NotFoundException if there is no such room
	 */
	public HistoryPage history(String room, @org.jspecify.annotations.Nullable Long before, int limit) {
		String stream = stream(room);
		long tail = this.s2.execute((client, basin) -> client.basin(basin).stream(stream).checkTail().seqNum());
		long end = (before != null) ? Math.min(before, tail) : tail;
		long start = Math.max(0, end - limit);
		List<ChatMessage> messages = new ArrayList<>();
		if (end > start) {
			for (S2ReceivedMessage<Message> received : this.s2.read(stream, Message.class,
					S2StartPosition.seqNum(start), (int) (end - start))) {
				if (received.metadata().seqNum() < end) {
					messages.add(ChatMessage.of(received.metadata().seqNum(), received.payload()));
				}
			}
		}
		return new HistoryPage(messages, tail);
	}

	/**
	 * Follows a room live from a seq num, until the subscription is stopped.
	 * @param room the room
	 * @param fromSeq the first seq num to deliver
	 * @param consumer receives each message, in order, once
	 * @return the subscription
	 */
	public S2Subscription listen(String room, long fromSeq, Consumer<ChatMessage> consumer) {
		return this.s2.listen(stream(room), Message.class, S2StartPosition.seqNum(fromSeq),
				(message, metadata) -> consumer.accept(ChatMessage.of(metadata.seqNum(), message)));
	}

	/**
	 * Stops following a room.
	 * @param subscription what {@link #listen} returned
	 */
	public void stopListening(S2Subscription subscription) {
		subscription.stop();
	}

	/**
	 * Every room, with its activity.
	 * @return the rooms, by name
	 */
	public List<RoomSummary> rooms() {
		List<StreamInfo> streams = this.s2.execute((client, basin) -> {
			List<StreamInfo> list = new ArrayList<>();
			client.basin(basin).streams().list(ListRequest.withPrefix(PREFIX)).forEach(list::add);
			return list;
		});
		List<RoomSummary> rooms = new ArrayList<>();
		for (StreamInfo stream : streams) {
			String room = stream.name().substring(PREFIX.length());
			RoomActivity.Activity activity = this.activity.of(room);
			rooms.add(new RoomSummary(room, (activity != null) ? activity.messages() : 0,
					(activity != null) ? activity.last() : null));
		}
		return rooms;
	}

	private static String stream(String room) {
		if (!ROOM_NAME.matcher(room).matches()) {
			throw new InvalidRoomNameException(room);
		}
		return PREFIX + room;
	}

}
