/**
 * Recording what clients send: each request's method, path, query, headers and body, and
 * its JSON form with the body decoded (JSON, protobuf, S2S frames), for comparing clients
 * on the wire.
 */
@NullMarked
package io.github.s2spring.embedded.record;

import org.jspecify.annotations.NullMarked;
