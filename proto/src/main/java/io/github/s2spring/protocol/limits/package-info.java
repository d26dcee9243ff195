/**
 * Limits and validation rules of S2, in one place for client and server: metered sizes,
 * batch limits, names, tokens, headers and command records.
 */
@NullMarked
package io.github.s2spring.protocol.limits;

import org.jspecify.annotations.NullMarked;
