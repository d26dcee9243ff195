/**
 * The control plane's implementation: JSON over Spring's RestClient, retries and the
 * mapping of responses to the model. Not exported.
 */
@NullMarked
package io.github.s2spring.client.internal.control;

import org.jspecify.annotations.NullMarked;
