package io.github.s2spring.embedded.auth;

import java.util.EnumSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.embedded.http.Operation;

/**
 * The scope of an access token: the basins, streams and token ids it reaches (an absent
 * set reaches nothing), and the operations it may perform, the union of its explicit
 * {@code ops} and of its operation groups.
 *
 * @param basins the basin names, or {@code null} for none
 * @param streams the stream names, or {@code null} for none
 * @param accessTokens the token ids it may manage, or {@code null} for none
 * @param groups the granted operation groups as {@code group/read} or
 * {@code group/write}, for example {@code stream/read}
 * @param ops the explicitly granted operations
 */
public record TokenScope(@Nullable ResourceSet basins, @Nullable ResourceSet streams,
		@Nullable ResourceSet accessTokens, Set<String> groups, Set<Operation> ops) {

	/** Every resource and every operation: the root token's scope. */
	public static final TokenScope ALL = new TokenScope(ResourceSet.ALL, ResourceSet.ALL, ResourceSet.ALL,
			Set.of("account/read", "account/write", "basin/read", "basin/write", "stream/read", "stream/write"),
			EnumSet.noneOf(Operation.class));

	/**
	 * Copies the collections.
	 */
	public TokenScope {
		groups = Set.copyOf(groups);
		ops = ops.isEmpty() ? EnumSet.noneOf(Operation.class) : EnumSet.copyOf(ops);
	}

	/**
	 * The effective operations: explicit ones and those of the groups.
	 * @return the operations
	 */
	public Set<Operation> effective() {
		EnumSet<Operation> effective = EnumSet.noneOf(Operation.class);
		effective.addAll(this.ops);
		for (String group : this.groups) {
			String[] parts = group.split("/", 2);
			effective.addAll(OperationGroups.of(parts[0], "write".equals(parts[1])));
		}
		return effective;
	}

	/**
	 * Whether an operation is permitted.
	 * @param operation the operation
	 * @return whether it is in the effective set
	 */
	public boolean allows(Operation operation) {
		return effective().contains(operation);
	}

	/**
	 * Whether another scope grants nothing beyond this one.
	 * @param other the other scope
	 * @return whether this scope covers it
	 */
	public boolean covers(TokenScope other) {
		return effective().containsAll(other.effective()) && covers(this.basins, other.basins)
				&& covers(this.streams, other.streams) && covers(this.accessTokens, other.accessTokens);
	}

	private static boolean covers(@Nullable ResourceSet mine, @Nullable ResourceSet theirs) {
		return setOf(mine).covers(setOf(theirs));
	}

	/**
	 * The set matching the names an absent set stands for (none).
	 * @param set the set or {@code null}
	 * @return the set
	 */
	static ResourceSet setOf(@Nullable ResourceSet set) {
		return (set != null) ? set : ResourceSet.NONE;
	}

}
