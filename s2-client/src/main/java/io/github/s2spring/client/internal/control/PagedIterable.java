package io.github.s2spring.client.internal.control;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;

import io.github.s2spring.client.control.model.ListRequest;
import io.github.s2spring.client.control.model.Page;

/**
 * Every item of a listing, fetched page by page as iteration needs them: the next page
 * starts after the last name of the previous one, until a page says it has no more.
 *
 * @param <T> the type of the items
 */
final class PagedIterable<T> implements Iterable<T> {

	private final ListRequest first;

	private final Function<ListRequest, Page<T>> fetch;

	private final Function<T, String> name;

	PagedIterable(ListRequest first, Function<ListRequest, Page<T>> fetch, Function<T, String> name) {
		this.first = first;
		this.fetch = fetch;
		this.name = name;
	}

	@Override
	public Iterator<T> iterator() {
		return new PageIterator();
	}

	private final class PageIterator implements Iterator<T> {

		private ListRequest next = PagedIterable.this.first;

		private Iterator<T> current = java.util.Collections.emptyIterator();

		private boolean more = true;

		@Override
		public boolean hasNext() {
			while (!this.current.hasNext() && this.more) {
				Page<T> page = PagedIterable.this.fetch.apply(this.next);
				this.current = page.items().iterator();
				this.more = page.hasMore() && !page.items().isEmpty();
				if (this.more) {
					T last = page.items().get(page.items().size() - 1);
					this.next = this.next.startAfter(PagedIterable.this.name.apply(last));
				}
			}
			return this.current.hasNext();
		}

		@Override
		public T next() {
			if (!hasNext()) {
				throw new NoSuchElementException("no more items");
			}
			return this.current.next();
		}

	}

}
