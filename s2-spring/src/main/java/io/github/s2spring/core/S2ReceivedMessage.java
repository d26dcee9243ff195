package io.github.s2spring.core;

import io.github.s2spring.support.S2RecordMetadata;

/**
 * A message read from a stream, converted to the type asked for, with where it came from.
 *
 * @param <T> the payload type
 * @param payload the payload
 * @param metadata the stream, seq nums, timestamp and headers
 */
public record S2ReceivedMessage<T>(T payload, S2RecordMetadata metadata) {

}
