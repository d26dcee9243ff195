package io.github.s2spring.client.control.model;

import java.util.Objects;

/**
 * The resources of one kind (basins, streams or access tokens) a token may touch: one
 * name exactly, or every name with a prefix.
 */
public sealed interface ResourceSet permits ResourceSet.Exact, ResourceSet.Prefix {

	/**
	 * Exactly one resource; {@code ""} matches nothing.
	 * @param name the name
	 * @return the set
	 */
	static ResourceSet exact(String name) {
		return new Exact(name);
	}

	/**
	 * Every resource whose name starts with a prefix; {@code ""} matches everything.
	 * @param prefix the prefix
	 * @return the set
	 */
	static ResourceSet prefix(String prefix) {
		return new Prefix(prefix);
	}

	/**
	 * Exactly one resource ({@code {"exact":"name"}}).
	 *
	 * @param name the name
	 */
	record Exact(String name) implements ResourceSet {

		/**
		 * Creates the set.
		 * @param name the name
		 */
		public Exact {
			Objects.requireNonNull(name, "name");
		}

	}

	/**
	 * Every resource with a prefix ({@code {"prefix":"p"}}).
	 *
	 * @param prefix the prefix
	 */
	record Prefix(String prefix) implements ResourceSet {

		/**
		 * Creates the set.
		 * @param prefix the prefix
		 */
		public Prefix {
			Objects.requireNonNull(prefix, "prefix");
		}

	}

}
