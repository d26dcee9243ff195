/**
 * Auto-configuration of S2 for Spring Boot: {@link S2Properties},
 * {@link S2ConnectionDetails}, the client, the template, the admin and, when s2-embedded
 * is on the class path and no connection is configured, an embedded S2.
 */
@NullMarked
package io.github.s2spring.boot.autoconfigure;

import org.jspecify.annotations.NullMarked;
