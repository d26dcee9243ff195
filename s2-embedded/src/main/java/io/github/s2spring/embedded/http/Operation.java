package io.github.s2spring.embedded.http;

import java.util.Locale;

/**
 * The operations of the S2 API, named as in access token scopes (kebab-case). Every route
 * has one; an {@link Authorizer} decides per request whether a token may perform it.
 */
public enum Operation {

	/** {@code GET /basins}. */
	LIST_BASINS,

	/** {@code POST /basins} and {@code PUT /basins/{basin}}. */
	CREATE_BASIN,

	/** {@code DELETE /basins/{basin}}. */
	DELETE_BASIN,

	/** {@code PATCH /basins/{basin}}. */
	RECONFIGURE_BASIN,

	/** {@code GET /basins/{basin}}. */
	GET_BASIN_CONFIG,

	/** {@code POST /access-tokens}. */
	ISSUE_ACCESS_TOKEN,

	/** {@code DELETE /access-tokens/{id}}. */
	REVOKE_ACCESS_TOKEN,

	/** {@code GET /access-tokens}. */
	LIST_ACCESS_TOKENS,

	/** {@code GET /streams}. */
	LIST_STREAMS,

	/** {@code POST /streams} and {@code PUT /streams/{stream}}. */
	CREATE_STREAM,

	/** {@code DELETE /streams/{stream}}. */
	DELETE_STREAM,

	/** {@code GET /streams/{stream}}. */
	GET_STREAM_CONFIG,

	/** {@code PATCH /streams/{stream}}. */
	RECONFIGURE_STREAM,

	/** {@code GET /streams/{stream}/records/tail}. */
	CHECK_TAIL,

	/** {@code POST /streams/{stream}/records}. */
	APPEND,

	/** {@code GET /streams/{stream}/records}. */
	READ,

	/** An append carrying a trim command record. */
	TRIM,

	/** An append carrying a fence command record. */
	FENCE,

	/** {@code GET /metrics}. */
	ACCOUNT_METRICS,

	/** {@code GET /metrics/{basin}}. */
	BASIN_METRICS,

	/** {@code GET /metrics/{basin}/{stream}}. */
	STREAM_METRICS,

	/** {@code GET /locations}. */
	LIST_LOCATIONS,

	/** {@code GET /locations/default}. */
	GET_DEFAULT_LOCATION,

	/** {@code PUT /locations/default}. */
	SET_DEFAULT_LOCATION;

	/**
	 * The kebab-case name used in token scopes, for example {@code check-tail}.
	 * @return the name
	 */
	public String scopeName() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
