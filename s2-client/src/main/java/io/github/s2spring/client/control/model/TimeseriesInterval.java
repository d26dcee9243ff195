package io.github.s2spring.client.control.model;

/**
 * The bucket width of a metric time series.
 */
public enum TimeseriesInterval implements WireValue {

	/** One minute. */
	MINUTE("minute"),

	/** One hour. */
	HOUR("hour"),

	/** One day. */
	DAY("day");

	private final String wireValue;

	TimeseriesInterval(String wireValue) {
		this.wireValue = wireValue;
	}

	@Override
	public String wireValue() {
		return this.wireValue;
	}

}
