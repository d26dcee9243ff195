/**
 * The data plane: unary appends and reads, SSE reads and S2S append and read sessions.
 */
@NullMarked
package io.github.s2spring.embedded.records;

import org.jspecify.annotations.NullMarked;
