package io.github.s2spring.embedded.auth;

/**
 * A set of resource names in a token scope: one exact name ({@code exact ""} matches
 * nothing) or every name with a prefix ({@code prefix ""} matches everything).
 *
 * @param prefix whether {@code value} is a prefix rather than an exact name
 * @param value the name or prefix
 */
public record ResourceSet(boolean prefix, String value) {

	/** The set matching nothing, which is also what an absent set means. */
	public static final ResourceSet NONE = new ResourceSet(false, "");

	/** The set matching every name. */
	public static final ResourceSet ALL = new ResourceSet(true, "");

	/**
	 * Whether a name is in the set.
	 * @param name the resource name
	 * @return whether it matches
	 */
	public boolean matches(String name) {
		if (this.prefix) {
			return name.startsWith(this.value);
		}
		return !this.value.isEmpty() && this.value.equals(name);
	}

	/**
	 * Whether every name of another set is in this one.
	 * @param other the other set
	 * @return whether this set contains it
	 */
	public boolean covers(ResourceSet other) {
		if (!other.prefix) {
			return other.value.isEmpty() || matches(other.value);
		}
		return this.prefix && other.value.startsWith(this.value);
	}

}
