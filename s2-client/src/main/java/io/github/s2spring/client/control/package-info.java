/**
 * The S2 control plane over JSON REST: basins, streams, access tokens, metrics and
 * locations, each call blocking or asynchronous, retried and mapped to typed errors.
 */
@NullMarked
package io.github.s2spring.client.control;

import org.jspecify.annotations.NullMarked;
