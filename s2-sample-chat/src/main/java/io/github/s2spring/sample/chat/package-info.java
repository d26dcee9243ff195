/**
 * The chat sample: rooms are S2 streams {@code chat/<room>}, posted with
 * {@code S2Template}, followed live with programmatic listeners and counted with a prefix
 * {@code @S2Listener}.
 */
@NullMarked
package io.github.s2spring.sample.chat;

import org.jspecify.annotations.NullMarked;
