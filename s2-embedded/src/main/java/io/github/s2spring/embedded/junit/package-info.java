/**
 * A JUnit 5 extension that starts one embedded server per test class.
 */
@NullMarked
package io.github.s2spring.embedded.junit;

import org.jspecify.annotations.NullMarked;
