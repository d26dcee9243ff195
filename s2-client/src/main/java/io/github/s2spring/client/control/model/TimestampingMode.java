package io.github.s2spring.client.control.model;

/**
 * How a stream assigns record timestamps.
 */
public enum TimestampingMode implements WireValue {

	/** The client's timestamp when given, else the arrival time. */
	CLIENT_PREFER("client-prefer"),

	/** The client's timestamp, which every record must carry. */
	CLIENT_REQUIRE("client-require"),

	/** The arrival time, ignoring client timestamps. */
	ARRIVAL("arrival");

	private final String wireValue;

	TimestampingMode(String wireValue) {
		this.wireValue = wireValue;
	}

	@Override
	public String wireValue() {
		return this.wireValue;
	}

}
