/**
 * JMH microbenchmarks of the hot paths: S2S frames, protobuf batches, metered sizes and
 * the typed-message patterns.
 */
@NullMarked
package io.github.s2spring.benchmarks.micro;

import org.jspecify.annotations.NullMarked;
