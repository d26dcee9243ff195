/**
 * The end-to-end load harness: scenarios run against one server by the Java SDK, the raw
 * reference and the official TypeScript SDK, reported side by side as ratios.
 */
@NullMarked
package io.github.s2spring.benchmarks.load;

import org.jspecify.annotations.NullMarked;
