package io.github.s2spring.sample.chat;

import java.util.List;

/**
 * Messages of a room before a seq num, oldest first, and the seq num from which to follow
 * the room live.
 *
 * @param messages the messages
 * @param nextSeq where live updates start without a gap: the tail when the page was read
 */
public record HistoryPage(List<ChatMessage> messages, long nextSeq) {

}
