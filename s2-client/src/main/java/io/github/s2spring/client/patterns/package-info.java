/**
 * Typed messages over S2, byte-compatible with {@code @s2-dev/streamstore-patterns}
 * 2.1.4: serialization, chunking, framing headers, dedupe stamps and batching on the
 * write side; dedupe, reassembly and deserialization on the read side.
 *
 * <pre>{@code
 * S2Stream stream = client.basin("my-basin").stream("orders");
 * try (AppendSession session = stream.appendSession()) {
 *     SerializingAppendSession<Order> writer = SerializingAppendSession.of(session,
 *             S2Serializer.json(Order.class), MessageWriterOptions.defaults());
 *     writer.send(new Order("o-1", 42)).join();
 * }
 * MessageReader<Order> reader = new MessageReader<>(S2Serializer.json(Order.class));
 * for (ReadOutcome<Order> outcome : reader.read(stream.read(ReadOptions.fromSeqNum(0)))) {
 *     if (outcome instanceof ReadOutcome.Message<Order> message) {
 *         handle(message.value());
 *     }
 * }
 * }</pre>
 */
@NullMarked
package io.github.s2spring.client.patterns;

import org.jspecify.annotations.NullMarked;
