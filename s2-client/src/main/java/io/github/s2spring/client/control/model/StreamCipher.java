package io.github.s2spring.client.control.model;

/**
 * The cipher that encrypts the records of a stream.
 */
public enum StreamCipher implements WireValue {

	/** AEGIS-256. */
	AEGIS_256("aegis-256"),

	/** AES-256-GCM. */
	AES_256_GCM("aes-256-gcm");

	private final String wireValue;

	StreamCipher(String wireValue) {
		this.wireValue = wireValue;
	}

	@Override
	public String wireValue() {
		return this.wireValue;
	}

}
