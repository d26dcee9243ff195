package io.github.s2spring.client.internal.data;

/**
 * A complete unary response.
 *
 * @param status the HTTP status
 * @param body the body bytes
 */
record UnaryResponse(int status, byte[] body) {
}
