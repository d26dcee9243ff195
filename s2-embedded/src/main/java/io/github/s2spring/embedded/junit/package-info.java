/**
 * Test support: a JUnit 5 extension that starts one embedded server per test class, and a
 * TCP fault proxy that resets, stalls, slows or slices real connections to it.
 */
@NullMarked
package io.github.s2spring.embedded.junit;

import org.jspecify.annotations.NullMarked;
