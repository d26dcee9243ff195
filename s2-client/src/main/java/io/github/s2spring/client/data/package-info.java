/**
 * The data plane: stream handles with unary append, read and check-tail, and the append
 * and read sessions that pipeline, resume and survive faults.
 */
@NullMarked
package io.github.s2spring.client.data;

import org.jspecify.annotations.NullMarked;
