/**
 * The S2 error model: every error code with its HTTP status and retry semantics, and the
 * JSON bodies that carry errors, including the 412 and 416 shapes.
 */
@NullMarked
package io.github.s2spring.protocol.error;

import org.jspecify.annotations.NullMarked;
