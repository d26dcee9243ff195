package io.github.s2spring.client.control.model;

import java.time.Duration;
import java.util.Objects;

import io.github.s2spring.client.error.ValidationException;

/**
 * Deletes a stream once it has been empty for a minimum age.
 *
 * @param minAge how long the stream must have been empty, in whole seconds; zero disables
 * deletion
 */
public record DeleteOnEmptyConfig(Duration minAge) {

	/**
	 * Creates the configuration.
	 * @param minAge the minimum age, not negative
	 */
	public DeleteOnEmptyConfig {
		Objects.requireNonNull(minAge, "minAge");
		if (minAge.isNegative()) {
			throw new ValidationException("delete-on-empty min age", minAge, "must not be negative");
		}
	}

}
