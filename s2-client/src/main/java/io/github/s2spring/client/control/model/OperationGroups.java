package io.github.s2spring.client.control.model;

import org.jspecify.annotations.Nullable;

/**
 * Permissions by group of operations: account, basin and stream level.
 *
 * @param account account-level operations, or {@code null} for none
 * @param basin basin-level operations, or {@code null} for none
 * @param stream stream-level operations, or {@code null} for none
 */
public record OperationGroups(@Nullable ReadWritePermissions account, @Nullable ReadWritePermissions basin,
		@Nullable ReadWritePermissions stream) {
}
