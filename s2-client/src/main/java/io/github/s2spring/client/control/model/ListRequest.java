package io.github.s2spring.client.control.model;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.client.error.ValidationException;
import io.github.s2spring.protocol.limits.Limits;

/**
 * What to list: names starting with a prefix, after a name (exclusive), at most a number
 * per page.
 *
 * @param prefix only names that start with this ({@code ""} for all)
 * @param startAfter only names after this one ({@code ""} to start at the beginning)
 * @param limit the page size, 1 to 1000, or {@code null} for the server's default (1000)
 */
public record ListRequest(String prefix, String startAfter, @Nullable Integer limit) {

	private static final ListRequest ALL = new ListRequest("", "", null);

	/**
	 * Creates a request.
	 * @param prefix the name prefix
	 * @param startAfter the name to start after
	 * @param limit the page size
	 */
	public ListRequest {
		if (limit != null && (limit < 1 || limit > Limits.MAX_LIST_LIMIT)) {
			throw new ValidationException("list limit", limit, "must be 1 to " + Limits.MAX_LIST_LIMIT);
		}
	}

	/**
	 * Everything, from the beginning, in pages of the server's default size.
	 * @return the request
	 */
	public static ListRequest all() {
		return ALL;
	}

	/**
	 * Names that start with a prefix.
	 * @param prefix the prefix
	 * @return the request
	 */
	public static ListRequest withPrefix(String prefix) {
		return new ListRequest(prefix, "", null);
	}

	/**
	 * This request with another prefix.
	 * @param prefix the prefix
	 * @return the new request
	 */
	public ListRequest prefix(String prefix) {
		return new ListRequest(prefix, this.startAfter, this.limit);
	}

	/**
	 * This request starting after a name.
	 * @param startAfter the name (exclusive)
	 * @return the new request
	 */
	public ListRequest startAfter(String startAfter) {
		return new ListRequest(this.prefix, startAfter, this.limit);
	}

	/**
	 * This request with another page size.
	 * @param limit the page size, 1 to 1000
	 * @return the new request
	 */
	public ListRequest limit(int limit) {
		return new ListRequest(this.prefix, this.startAfter, limit);
	}

}
