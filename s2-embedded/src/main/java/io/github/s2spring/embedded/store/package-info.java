/**
 * The in-memory state of basins, streams and records, with one ordered writer per stream
 * and woken readers.
 */
@NullMarked
package io.github.s2spring.embedded.store;

import org.jspecify.annotations.NullMarked;
