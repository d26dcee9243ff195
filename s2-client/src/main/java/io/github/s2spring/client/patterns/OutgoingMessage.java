package io.github.s2spring.client.patterns;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.client.data.Header;

/**
 * A message to send with what goes beside it: headers for its first record and a
 * timestamp for its records.
 *
 * @param <T> the type of the message
 * @param message the message
 * @param headers headers of its first record, after the patterns headers; none may be
 * empty or named like a patterns header
 * @param timestamp the timestamp of its records in milliseconds since the Unix epoch (how
 * S2 uses it depends on the stream's timestamping mode), or {@code null} to let S2 assign
 * one
 */
public record OutgoingMessage<T>(T message, List<Header> headers, @Nullable Long timestamp) {

	/**
	 * Creates an outgoing message; the header list is copied.
	 * @param message the message
	 * @param headers the headers
	 * @param timestamp the timestamp, or {@code null}
	 */
	public OutgoingMessage {
		headers = List.copyOf(headers);
		if (timestamp != null && timestamp < 0) {
			throw new IllegalArgumentException("timestamp must not be negative, got " + timestamp);
		}
	}

	/**
	 * A message without headers or timestamp.
	 * @param <T> the type of the message
	 * @param message the message
	 * @return the outgoing message
	 */
	public static <T> OutgoingMessage<T> of(T message) {
		return new OutgoingMessage<>(message, List.of(), null);
	}

}
