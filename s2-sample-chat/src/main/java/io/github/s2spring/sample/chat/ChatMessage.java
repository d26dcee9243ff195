package io.github.s2spring.sample.chat;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A message of a room as the web page sees it: with its seq num, which orders the room
 * and identifies the message across reconnects.
 *
 * @param seq the seq num of the message's record
 * @param user who wrote it
 * @param text what they wrote
 * @param sentAt when the server accepted it, if known
 */
public record ChatMessage(long seq, String user, String text, @Nullable Instant sentAt) {

	static ChatMessage of(long seq, Message message) {
		return new ChatMessage(seq, message.user(), message.text(), message.sentAt());
	}

}
