/**
 * The {@code s2} actuator endpoint: listeners, their streams and the appenders.
 */
@NullMarked
package io.github.s2spring.boot.actuate.endpoint;

import org.jspecify.annotations.NullMarked;
