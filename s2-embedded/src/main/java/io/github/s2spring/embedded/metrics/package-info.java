/**
 * Usage metrics of the server: per-minute counters kept as it runs, and the metric sets
 * of S2's metrics API computed from them.
 */
@NullMarked
package io.github.s2spring.embedded.metrics;

import org.jspecify.annotations.NullMarked;
