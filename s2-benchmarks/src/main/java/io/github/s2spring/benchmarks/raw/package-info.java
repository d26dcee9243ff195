/**
 * The "raw" reference of the benchmarks: a bare Netty HTTP/2 client that writes
 * pre-encoded S2S frames with no SDK logic, the limit of what this machine can do.
 */
@NullMarked
package io.github.s2spring.benchmarks.raw;

import org.jspecify.annotations.NullMarked;
