/**
 * Annotation-driven listeners: {@code @EnableS2}, {@code @S2Listener} and the bean
 * post-processor that turns annotated methods into listener containers.
 */
@NullMarked
package io.github.s2spring.annotation;

import org.jspecify.annotations.NullMarked;
