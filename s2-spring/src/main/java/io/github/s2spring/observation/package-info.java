/**
 * Micrometer Observation of template sends and listener deliveries: documentation enums,
 * conventions and contexts that carry trace context in record headers.
 */
@NullMarked
package io.github.s2spring.observation;

import org.jspecify.annotations.NullMarked;
