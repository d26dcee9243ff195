/**
 * The HTTP layer: one port for HTTP/1.1 and h2c (TLS optional), routing, errors and CORS.
 */
@NullMarked
package io.github.s2spring.embedded.http;

import org.jspecify.annotations.NullMarked;
