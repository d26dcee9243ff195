package io.github.s2spring.client.control.model;

/**
 * The metric sets of a stream.
 */
public enum StreamMetricSet implements WireValue {

	/** Stored bytes per minute. */
	STORAGE("storage");

	private final String wireValue;

	StreamMetricSet(String wireValue) {
		this.wireValue = wireValue;
	}

	@Override
	public String wireValue() {
		return this.wireValue;
	}

}
