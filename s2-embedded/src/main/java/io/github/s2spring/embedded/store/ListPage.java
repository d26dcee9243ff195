package io.github.s2spring.embedded.store;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param <T> the item type
 * @param items the items, sorted by name
 * @param hasMore whether more items follow the last one
 */
public record ListPage<T>(List<T> items, boolean hasMore) {

	public ListPage {
		items = List.copyOf(items);
	}

}
