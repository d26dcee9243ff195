package io.github.s2spring.client.control.model;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.client.error.ValidationException;
import io.github.s2spring.protocol.limits.Names;

/**
 * A basin to create or ensure.
 *
 * @param basin the basin name
 * @param config the configuration, or {@code null} for the defaults
 * @param location the location, such as {@code aws:us-east-1}, or {@code null} for the
 * account's default; it cannot be changed later
 */
public record CreateBasinRequest(String basin, @Nullable BasinConfig config, @Nullable String location) {

	/**
	 * Creates a request, checking the names.
	 * @param basin the basin name
	 * @param config the configuration
	 * @param location the location
	 */
	public CreateBasinRequest {
		ValidationException.check(() -> Names.requireBasinName(basin));
		if (location != null) {
			ValidationException.check(() -> Names.requireLocation(location));
		}
	}

	/**
	 * A basin with the default configuration and location.
	 * @param basin the basin name
	 * @return the request
	 */
	public static CreateBasinRequest of(String basin) {
		return new CreateBasinRequest(basin, null, null);
	}

	/**
	 * This request with a configuration.
	 * @param config the configuration
	 * @return the new request
	 */
	public CreateBasinRequest withConfig(@Nullable BasinConfig config) {
		return new CreateBasinRequest(this.basin, config, this.location);
	}

	/**
	 * This request with a location.
	 * @param location the location
	 * @return the new request
	 */
	public CreateBasinRequest withLocation(@Nullable String location) {
		return new CreateBasinRequest(this.basin, this.config, location);
	}

}
