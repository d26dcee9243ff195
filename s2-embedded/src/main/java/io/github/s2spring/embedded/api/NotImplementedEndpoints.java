package io.github.s2spring.embedded.api;

import io.netty.handler.codec.http.HttpMethod;

import io.github.s2spring.embedded.error.ApiException;
import io.github.s2spring.embedded.http.Endpoint;
import io.github.s2spring.embedded.http.Operation;
import io.github.s2spring.embedded.http.Router;
import io.github.s2spring.protocol.error.ErrorCode;

/**
 * Locations, answered with {@code 501 not_implemented} as s2-lite does. Each route keeps
 * its operation so that a real handler replaces it one for one.
 */
public final class NotImplementedEndpoints {

	private static final Endpoint NOT_IMPLEMENTED = (call) -> call
		.fail(ApiException.of(ErrorCode.NOT_IMPLEMENTED, "Not implemented"));

	private NotImplementedEndpoints() {
	}

	/**
	 * Adds the location routes.
	 * @param router the router
	 */
	public static void locations(Router router) {
		router.add(HttpMethod.GET, "/v1/locations", Operation.LIST_LOCATIONS, NOT_IMPLEMENTED)
			.add(HttpMethod.GET, "/v1/locations/default", Operation.GET_DEFAULT_LOCATION, NOT_IMPLEMENTED)
			.add(HttpMethod.PUT, "/v1/locations/default", Operation.SET_DEFAULT_LOCATION, NOT_IMPLEMENTED);
	}

}
