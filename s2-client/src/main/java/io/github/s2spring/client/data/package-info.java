/**
 * The data plane: stream handles with unary append, read and check-tail, append and read
 * sessions, and the SDK's own record types (immutable, bytes as read-only views).
 */
@NullMarked
package io.github.s2spring.client.data;

import org.jspecify.annotations.NullMarked;
