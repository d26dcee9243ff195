/**
 * Basin and stream configurations: partial specifications, defaults, reconfiguration and
 * their JSON form.
 */
@NullMarked
package io.github.s2spring.embedded.config;

import org.jspecify.annotations.NullMarked;
