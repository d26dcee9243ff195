/**
 * The S2 Java SDK's entry point: the client, its configuration, endpoints, retry policy
 * and the exception hierarchy every call reports failures with.
 */
@NullMarked
package io.github.s2spring.client;

import org.jspecify.annotations.NullMarked;
