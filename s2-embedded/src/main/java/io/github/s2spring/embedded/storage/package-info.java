/**
 * Durability of the embedded server: the journal that records every change before it is
 * acknowledged, in memory or on disk.
 */
@NullMarked
package io.github.s2spring.embedded.storage;

import org.jspecify.annotations.NullMarked;
