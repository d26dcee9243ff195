/**
 * Immutable requests and responses of the S2 control plane: basins, streams, access
 * tokens, metrics and locations.
 */
@NullMarked
package io.github.s2spring.client.control.model;

import org.jspecify.annotations.NullMarked;
