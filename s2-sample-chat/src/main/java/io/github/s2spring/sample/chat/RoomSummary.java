package io.github.s2spring.sample.chat;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A room in the room list.
 *
 * @param name the room
 * @param messages how many messages it has
 * @param lastActivity when the last one was sent, if any
 */
public record RoomSummary(String name, long messages, @Nullable Instant lastActivity) {

}
