/**
 * Typed messages over S2, byte-compatible with {@code @s2-dev/streamstore-patterns}
 * 2.1.4: serialization (with headers beside the bytes), chunking, framing headers, dedupe
 * stamps and coalescing into batches on the write side
 * ({@link io.github.s2spring.client.patterns.SerializingAppendSession}); dedupe,
 * reassembly and deserialization on the read side
 * ({@link io.github.s2spring.client.patterns.MessageReader}).
 *
 * <pre>{@code
 * S2Stream stream = client.basin("my-basin").stream("orders");
 * try (var writer = SerializingAppendSession.of(stream.appendSession(), S2Serializer.json(Order.class))) {
 *     writer.send(new Order("o-1", 42), List.of(Header.of("content-type", "application/json")));
 * }                                            // close flushes, then closes the session
 * MessageReader<Order> reader = new MessageReader<>(S2Serializer.json(Order.class));
 * for (ReadOutcome<Order> outcome : reader.read(stream.read(ReadOptions.fromSeqNum(0)))) {
 *     if (outcome instanceof ReadOutcome.Message<Order> message) {
 *         handle(message.value(), message.headers());
 *     }
 * }
 * }</pre>
 */
@NullMarked
package io.github.s2spring.client.patterns;

import org.jspecify.annotations.NullMarked;
