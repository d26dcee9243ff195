/**
 * The errors the server answers with: an HTTP status and S2's error body.
 */
@NullMarked
package io.github.s2spring.embedded.error;

import org.jspecify.annotations.NullMarked;
