/**
 * The control plane: basin and stream handlers speaking S2's JSON.
 */
@NullMarked
package io.github.s2spring.embedded.api;

import org.jspecify.annotations.NullMarked;
