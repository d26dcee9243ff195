/**
 * Running callbacks in order on shared threads: one serial lane per session or stream.
 */
@NullMarked
package io.github.s2spring.client.concurrent;

import org.jspecify.annotations.NullMarked;
