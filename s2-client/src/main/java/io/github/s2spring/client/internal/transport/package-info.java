/**
 * The HTTP/2 data-plane transport: one pool of multiplexed Netty connections per origin
 * (TLS with ALPN h2, or h2c with prior knowledge), keep-alive PINGs, GOAWAY handling and
 * eviction of dead connections.
 */
@NullMarked
package io.github.s2spring.client.internal.transport;

import org.jspecify.annotations.NullMarked;
