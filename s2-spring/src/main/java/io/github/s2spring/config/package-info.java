/**
 * Listener endpoints, their registrar and registry, and the container factories that turn
 * endpoints into listener containers.
 */
@NullMarked
package io.github.s2spring.config;

import org.jspecify.annotations.NullMarked;
