/**
 * The core of S2 for Spring: {@code S2Operations} and {@code S2Template} to append typed
 * messages, the per-stream appenders behind them, and
 * {@link io.github.s2spring.core.S2Admin} to declare basins and streams.
 */
@NullMarked
package io.github.s2spring.core;

import org.jspecify.annotations.NullMarked;
