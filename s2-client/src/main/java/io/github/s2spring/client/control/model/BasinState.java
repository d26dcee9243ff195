package io.github.s2spring.client.control.model;

/**
 * The state of a basin.
 */
public enum BasinState implements WireValue {

	/** The basin is in use. */
	ACTIVE("active"),

	/** The basin is being created. */
	CREATING("creating"),

	/** The basin is being deleted. */
	DELETING("deleting");

	private final String wireValue;

	BasinState(String wireValue) {
		this.wireValue = wireValue;
	}

	@Override
	public String wireValue() {
		return this.wireValue;
	}

}
