/**
 * The embedded S2-compatible server: its builder, its command line and its lifecycle.
 */
@NullMarked
package io.github.s2spring.embedded;

import org.jspecify.annotations.NullMarked;
