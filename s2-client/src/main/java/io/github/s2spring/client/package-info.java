/**
 * The S2 Java SDK's entry point: the client facade
 * ({@link io.github.s2spring.client.S2Client}, {@link io.github.s2spring.client.S2Basin})
 * and what it holds open ({@link io.github.s2spring.client.ClientStats}).
 */
@NullMarked
package io.github.s2spring.client;

import org.jspecify.annotations.NullMarked;
