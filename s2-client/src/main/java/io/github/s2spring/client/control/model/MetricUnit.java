package io.github.s2spring.client.control.model;

/**
 * The unit of a metric's values.
 */
public enum MetricUnit implements WireValue {

	/** Bytes. */
	BYTES("bytes"),

	/** Operations. */
	OPERATIONS("operations");

	private final String wireValue;

	MetricUnit(String wireValue) {
		this.wireValue = wireValue;
	}

	@Override
	public String wireValue() {
		return this.wireValue;
	}

}
