/**
 * The one exception hierarchy of the SDK:
 * {@link io.github.s2spring.client.error.S2Exception} and its subclasses for S2's error
 * codes, transport failures, validation and overload.
 */
@NullMarked
package io.github.s2spring.client.error;

import org.jspecify.annotations.NullMarked;
