package io.github.s2spring.client.control.model;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A basin as S2 lists it.
 *
 * @param name the basin name
 * @param location the basin's location, such as {@code aws:us-east-1}, if known
 * @param createdAt when the basin was created, if the server says
 * @param deletedAt when deletion was requested, or {@code null} if the basin is not being
 * deleted
 * @param state the basin's state
 */
public record BasinInfo(String name, @Nullable String location, @Nullable Instant createdAt,
		@Nullable Instant deletedAt, BasinState state) {
}
