/**
 * Micrometer meters of listeners and appenders, read from their state snapshots when a
 * registry is scraped.
 */
@NullMarked
package io.github.s2spring.micrometer;

import org.jspecify.annotations.NullMarked;
