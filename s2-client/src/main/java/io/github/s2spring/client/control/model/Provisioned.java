package io.github.s2spring.client.control.model;

import java.util.Objects;

/**
 * The outcome of an ensure: what it did, and the resource as it now is.
 *
 * @param <T> the type of the resource
 * @param result whether the resource was created, updated or left as it was
 * @param info the resource
 */
public record Provisioned<T>(ProvisionResult result, T info) {

	/**
	 * Creates the outcome.
	 * @param result what the ensure did
	 * @param info the resource
	 */
	public Provisioned {
		Objects.requireNonNull(result, "result");
		Objects.requireNonNull(info, "info");
	}

}
