package io.github.s2spring.core;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.client.control.model.BasinConfig;
import io.github.s2spring.client.control.model.CreateBasinRequest;

/**
 * A basin that must exist when the application starts. Declare one as a bean and
 * {@link S2Admin} creates the basin, or brings its configuration in line, at startup,
 * before any declared stream. Creating basins needs an access token with account-level
 * permissions.
 *
 * @param basin the basin name
 * @param config the configuration, or {@code null} for the account's defaults
 */
public record S2BasinDeclaration(String basin, @Nullable BasinConfig config) {

	public S2BasinDeclaration {
		toRequest(basin, config);
	}

	/**
	 * A basin with the account's default configuration.
	 * @param basin the basin name
	 * @return the declaration
	 */
	public static S2BasinDeclaration of(String basin) {
		return new S2BasinDeclaration(basin, null);
	}

	/**
	 * The request that creates or reconfigures the basin.
	 * @return the request
	 */
	public CreateBasinRequest toRequest() {
		return toRequest(this.basin, this.config);
	}

	private static CreateBasinRequest toRequest(String basin, @Nullable BasinConfig config) {
		return CreateBasinRequest.of(basin).withConfig(config);
	}

	/**
	 * This declaration with a configuration.
	 * @param config the configuration
	 * @return a new declaration
	 */
	public S2BasinDeclaration withConfig(BasinConfig config) {
		return new S2BasinDeclaration(this.basin, config);
	}

}
