package io.github.s2spring.client.control.model;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param <T> the type of the items
 * @param items the items, sorted by name
 * @param hasMore whether more items follow the last one
 */
public record Page<T>(List<T> items, boolean hasMore) {

	/**
	 * Creates a page.
	 * @param items the items
	 * @param hasMore whether more items follow
	 */
	public Page {
		items = List.copyOf(items);
	}

}
