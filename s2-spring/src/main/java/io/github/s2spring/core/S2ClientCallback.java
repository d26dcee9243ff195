package io.github.s2spring.core;

import io.github.s2spring.client.S2Client;

/**
 * Code that uses the S2 client directly, for what the template does not offer; see
 * {@link S2Operations#execute}.
 *
 * @param <R> the result type
 */
@FunctionalInterface
public interface S2ClientCallback<R> {

	/**
	 * Runs with the template's client and basin.
	 * @param client the client, shared: do not close it
	 * @param basin the template's basin
	 * @return the result
	 * @throws Exception any failure, rethrown to the caller of {@code execute}
	 */
	R doWithClient(S2Client client, String basin) throws Exception;

}
