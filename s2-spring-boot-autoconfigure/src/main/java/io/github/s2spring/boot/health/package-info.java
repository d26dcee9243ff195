/**
 * Actuator health of S2: the control plane, listeners and appenders.
 */
@NullMarked
package io.github.s2spring.boot.health;

import org.jspecify.annotations.NullMarked;
