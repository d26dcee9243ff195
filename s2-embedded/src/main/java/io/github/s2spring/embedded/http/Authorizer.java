package io.github.s2spring.embedded.http;

/**
 * Decides whether a request may perform its operation. Called once per request, after
 * routing and before the handler runs.
 */
@FunctionalInterface
public interface Authorizer {

	/**
	 * Checks a request.
	 * @param call the request, with its bearer token, basin and path parameters
	 * @param operation the operation the route performs
	 * @throws io.github.s2spring.embedded.error.ApiException {@code authn} or
	 * {@code permission_denied} to refuse
	 */
	void authorize(Call call, Operation operation);

	/**
	 * Allows everything, as s2-lite does.
	 * @return the authorizer
	 */
	static Authorizer permitAll() {
		return (call, operation) -> {
		};
	}

}
