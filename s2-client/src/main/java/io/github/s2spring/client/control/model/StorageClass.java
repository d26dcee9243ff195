package io.github.s2spring.client.control.model;

/**
 * The storage class of a stream: the latency tier of its appends.
 */
public enum StorageClass implements WireValue {

	/** Append acknowledgements within tens of milliseconds. */
	STANDARD("standard"),

	/** Append acknowledgements within a few milliseconds. */
	EXPRESS("express");

	private final String wireValue;

	StorageClass(String wireValue) {
		this.wireValue = wireValue;
	}

	@Override
	public String wireValue() {
		return this.wireValue;
	}

}
