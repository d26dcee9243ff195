package io.github.s2spring.client.control.model;

/**
 * The metric sets of a basin.
 */
public enum BasinMetricSet implements WireValue {

	/** Stored bytes per hour. */
	STORAGE("storage"),

	/** Append operations. */
	APPEND_OPS("append-ops"),

	/** Read operations. */
	READ_OPS("read-ops"),

	/** Bytes read. */
	READ_THROUGHPUT("read-throughput"),

	/** Bytes appended. */
	APPEND_THROUGHPUT("append-throughput"),

	/** Basin operations. */
	BASIN_OPS("basin-ops");

	private final String wireValue;

	BasinMetricSet(String wireValue) {
		this.wireValue = wireValue;
	}

	@Override
	public String wireValue() {
		return this.wireValue;
	}

}
