/**
 * Typed messages over S2, byte-compatible with {@code @s2-dev/streamstore-patterns}:
 * serialization, chunking, framing headers, dedupe stamps, batching, and the reverse on
 * the read side.
 */
@NullMarked
package io.github.s2spring.client.patterns;

import org.jspecify.annotations.NullMarked;
