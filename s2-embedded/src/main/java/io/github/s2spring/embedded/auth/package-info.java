/**
 * Access tokens: the scope model of S2 (resource sets, operation groups, operations), the
 * token store rebuilt from the journal, and the authorizer that checks every request.
 */
@NullMarked
package io.github.s2spring.embedded.auth;

import org.jspecify.annotations.NullMarked;
