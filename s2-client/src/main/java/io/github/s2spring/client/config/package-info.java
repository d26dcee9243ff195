/**
 * How a client connects and retries: its configuration, endpoints and retry policies.
 */
@NullMarked
package io.github.s2spring.client.config;

import org.jspecify.annotations.NullMarked;
