/**
 * Benchmarks of the S2 stack: JMH microbenchmarks and the end-to-end load harness.
 */
@NullMarked
package io.github.s2spring.benchmarks;

import org.jspecify.annotations.NullMarked;
