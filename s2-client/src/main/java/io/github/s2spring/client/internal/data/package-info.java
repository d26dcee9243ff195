/**
 * The data plane's implementation: unary calls, append and read sessions over S2S, and
 * the conversion of protobuf messages into the SDK's own types. Not exported.
 */
@NullMarked
package io.github.s2spring.client.internal.data;

import org.jspecify.annotations.NullMarked;
