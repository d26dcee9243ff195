/**
 * Support for S2 in Spring: message conversion, header names, record metadata and start
 * positions.
 */
@NullMarked
package io.github.s2spring.support;

import org.jspecify.annotations.NullMarked;
