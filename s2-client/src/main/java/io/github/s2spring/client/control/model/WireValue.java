package io.github.s2spring.client.control.model;

/**
 * A value with a fixed spelling in S2's JSON, such as {@code "express"} or
 * {@code "client-prefer"}.
 */
public interface WireValue {

	/**
	 * The value as it appears on the wire.
	 * @return the wire spelling
	 */
	String wireValue();

}
