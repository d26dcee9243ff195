package io.github.s2spring.embedded.auth;

import java.util.EnumSet;
import java.util.Set;

import io.github.s2spring.embedded.http.Operation;

/**
 * The operation groups of token scopes: every operation belongs to the account, basin or
 * stream group, as a read or a write.
 */
public final class OperationGroups {

	private static final Set<Operation> ACCOUNT_READ = EnumSet.of(Operation.LIST_BASINS, Operation.GET_BASIN_CONFIG,
			Operation.LIST_ACCESS_TOKENS, Operation.ACCOUNT_METRICS, Operation.LIST_LOCATIONS,
			Operation.GET_DEFAULT_LOCATION);

	private static final Set<Operation> ACCOUNT_WRITE = EnumSet.of(Operation.CREATE_BASIN, Operation.DELETE_BASIN,
			Operation.RECONFIGURE_BASIN, Operation.ISSUE_ACCESS_TOKEN, Operation.REVOKE_ACCESS_TOKEN,
			Operation.SET_DEFAULT_LOCATION);

	private static final Set<Operation> BASIN_READ = EnumSet.of(Operation.LIST_STREAMS, Operation.GET_STREAM_CONFIG,
			Operation.BASIN_METRICS);

	private static final Set<Operation> BASIN_WRITE = EnumSet.of(Operation.CREATE_STREAM, Operation.DELETE_STREAM,
			Operation.RECONFIGURE_STREAM);

	private static final Set<Operation> STREAM_READ = EnumSet.of(Operation.CHECK_TAIL, Operation.READ,
			Operation.STREAM_METRICS);

	private static final Set<Operation> STREAM_WRITE = EnumSet.of(Operation.APPEND, Operation.TRIM, Operation.FENCE);

	private OperationGroups() {
	}

	/**
	 * The operations a group grants.
	 * @param group {@code account}, {@code basin} or {@code stream}
	 * @param write {@code true} for the write half, {@code false} for the read half
	 * @return the operations
	 * @throws IllegalArgumentException for an unknown group
	 */
	public static Set<Operation> of(String group, boolean write) {
		return switch (group) {
			case "account" -> write ? ACCOUNT_WRITE : ACCOUNT_READ;
			case "basin" -> write ? BASIN_WRITE : BASIN_READ;
			case "stream" -> write ? STREAM_WRITE : STREAM_READ;
			default -> throw new IllegalArgumentException("Unknown operation group: " + group);
		};
	}

	/**
	 * Whether an operation works inside one basin (chosen by the {@code s2-basin}
	 * header): the basin and stream groups.
	 * @param operation the operation
	 * @return whether it is basin-scoped
	 */
	public static boolean basinScoped(Operation operation) {
		return BASIN_READ.contains(operation) && operation != Operation.BASIN_METRICS || BASIN_WRITE.contains(operation)
				|| STREAM_WRITE.contains(operation)
				|| STREAM_READ.contains(operation) && operation != Operation.STREAM_METRICS;
	}

}
