/**
 * Test support for S2 in Spring: {@link io.github.s2spring.boot.test.EmbeddedS2} starts
 * an embedded S2 for a test's application context and points the {@code s2.*} connection
 * properties at it.
 */
@NullMarked
package io.github.s2spring.boot.test;

import org.jspecify.annotations.NullMarked;
