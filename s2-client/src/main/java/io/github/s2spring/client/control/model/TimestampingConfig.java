package io.github.s2spring.client.control.model;

import org.jspecify.annotations.Nullable;

/**
 * How a stream timestamps its records.
 *
 * @param mode the timestamping mode, or {@code null} for the default (client-prefer)
 * @param uncapped whether client timestamps may lie in the future, or {@code null} for
 * the default (false)
 */
public record TimestampingConfig(@Nullable TimestampingMode mode, @Nullable Boolean uncapped) {

	/**
	 * A configuration with a mode and capped timestamps.
	 * @param mode the timestamping mode
	 * @return the configuration
	 */
	public static TimestampingConfig of(TimestampingMode mode) {
		return new TimestampingConfig(mode, null);
	}

}
