/**
 * Listener containers: supervised tailing of S2 streams with positions, acknowledgments,
 * error handling, dead-letter streams, events and state snapshots.
 */
@NullMarked
package io.github.s2spring.listener;

import org.jspecify.annotations.NullMarked;
