package io.github.s2spring.client.control.model;

/**
 * What an ensure (PUT) or a repeated create did, from the {@code s2-provision-result}
 * header.
 */
public enum ProvisionResult implements WireValue {

	/** The resource was created. */
	CREATED("created"),

	/** The resource existed and its configuration was changed. */
	UPDATED("updated"),

	/** The resource existed with the requested configuration. */
	NOOP("noop");

	private final String wireValue;

	ProvisionResult(String wireValue) {
		this.wireValue = wireValue;
	}

	@Override
	public String wireValue() {
		return this.wireValue;
	}

}
