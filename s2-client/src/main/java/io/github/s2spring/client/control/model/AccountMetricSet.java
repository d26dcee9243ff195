package io.github.s2spring.client.control.model;

/**
 * The metric sets of an account.
 */
public enum AccountMetricSet implements WireValue {

	/** Basins with at least one stream in the period. */
	ACTIVE_BASINS("active-basins"),

	/** Account operations per interval. */
	ACCOUNT_OPS("account-ops");

	private final String wireValue;

	AccountMetricSet(String wireValue) {
		this.wireValue = wireValue;
	}

	@Override
	public String wireValue() {
		return this.wireValue;
	}

}
