package io.github.s2spring.client.control.model;

import java.time.Duration;
import java.util.Objects;

import io.github.s2spring.client.error.ValidationException;

/**
 * A change to when an empty stream is deleted.
 *
 * @param minAge the change to the minimum age (whole seconds; zero disables)
 */
public record DeleteOnEmptyReconfiguration(Patch<Duration> minAge) {

	/**
	 * Creates the change.
	 * @param minAge the change to the minimum age
	 */
	public DeleteOnEmptyReconfiguration {
		Objects.requireNonNull(minAge, "minAge");
		if (minAge instanceof Patch.Set<Duration> set && set.value().isNegative()) {
			throw new ValidationException("delete-on-empty min age", set.value(), "must not be negative");
		}
	}

}
