/**
 * S2S session frames: the length-prefixed, optionally compressed envelope that carries
 * protobuf messages over one HTTP stream, with an encoder and an incremental decoder over
 * Netty buffers.
 */
@NullMarked
package io.github.s2spring.protocol.s2s;

import org.jspecify.annotations.NullMarked;
