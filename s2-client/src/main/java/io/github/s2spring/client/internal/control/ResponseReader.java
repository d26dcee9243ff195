package io.github.s2spring.client.internal.control;

/**
 * Turns a successful response into the operation's result.
 *
 * @param <T> the type of the result
 */
@FunctionalInterface
interface ResponseReader<T> {

	/**
	 * Reads the result.
	 * @param response the response
	 * @return the result
	 * @throws Json.MalformedJsonException if the body is not what S2 documents
	 */
	T read(ControlResponse response);

}
