package io.github.s2spring.client.control.model;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A stream as S2 lists it.
 *
 * @param name the stream name
 * @param createdAt when the stream was created, if the server says
 * @param deletedAt when deletion was requested, or {@code null} if the stream is not
 * being deleted
 * @param cipher the cipher that encrypts the stream, or {@code null} for none
 */
public record StreamInfo(String name, @Nullable Instant createdAt, @Nullable Instant deletedAt,
		@Nullable StreamCipher cipher) {
}
