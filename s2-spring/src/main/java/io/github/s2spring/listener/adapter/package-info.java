/**
 * Adapters from listener containers to listener methods and programmatic listeners:
 * conversion of the payload to the listener's type, method arguments, replies.
 */
@NullMarked
package io.github.s2spring.listener.adapter;

import org.jspecify.annotations.NullMarked;
