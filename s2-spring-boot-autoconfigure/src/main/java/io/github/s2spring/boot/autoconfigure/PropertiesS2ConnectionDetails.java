package io.github.s2spring.boot.autoconfigure;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.client.config.S2Endpoints;

/**
 * {@link S2ConnectionDetails} from {@link S2Properties}: {@code s2.account-endpoint} and
 * {@code s2.basin-endpoint}, else {@code s2.base-url} for both, else, when only a token
 * is set, the S2 cloud endpoints.
 */
class PropertiesS2ConnectionDetails implements S2ConnectionDetails {

	private final S2Properties properties;

	PropertiesS2ConnectionDetails(S2Properties properties) {
		this.properties = properties;
	}

	@Override
	public String getAccountEndpoint() {
		return endpoint("s2.account-endpoint", this.properties.getAccountEndpoint(),
				S2Endpoints.DEFAULT_ACCOUNT_ENDPOINT);
	}

	@Override
	public String getBasinEndpoint() {
		return endpoint("s2.basin-endpoint", this.properties.getBasinEndpoint(), S2Endpoints.DEFAULT_BASIN_ENDPOINT);
	}

	@Override
	public @Nullable String getAccessToken() {
		return this.properties.getToken();
	}

	@Override
	public @Nullable String getBasin() {
		return this.properties.getBasin();
	}

	private String endpoint(String property, @Nullable String specific, String cloud) {
		if (S2Properties.hasText(specific)) {
			return specific;
		}
		String baseUrl = this.properties.getBaseUrl();
		if (S2Properties.hasText(baseUrl)) {
			return baseUrl;
		}
		if (S2Properties.hasText(this.properties.getToken())) {
			return cloud;
		}
		if (this.properties.hasConnectionSettings()) {
			throw new S2ConnectionNotConfiguredException(property
					+ " is not set, and neither is s2.base-url (for both endpoints) nor s2.token (for the S2 cloud)");
		}
		throw new S2ConnectionNotConfiguredException();
	}

}
