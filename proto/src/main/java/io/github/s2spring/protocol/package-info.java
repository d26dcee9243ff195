/**
 * The S2 v1 wire protocol shared by the client and the embedded server: positions and the
 * base exception of the protocol layer.
 */
@NullMarked
package io.github.s2spring.protocol;

import org.jspecify.annotations.NullMarked;
