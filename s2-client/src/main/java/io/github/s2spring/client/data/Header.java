package io.github.s2spring.client.data;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A record header: a name and a value, both bytes. Read-only views: every accessor call
 * returns an independent duplicate, so reading one never moves another's position. A
 * header read from a stream is a view of the frame it arrived in.
 *
 * @param name the name; empty only in a command record
 * @param value the value
 */
public record Header(ByteBuffer name, ByteBuffer value) {

	/**
	 * Creates a header viewing the remaining bytes of both buffers, without copying them:
	 * their content must not change afterwards.
	 * @param name the name
	 * @param value the value
	 */
	public Header {
		name = name.asReadOnlyBuffer();
		value = value.asReadOnlyBuffer();
	}

	/**
	 * A header with UTF-8 name and value.
	 * @param name the name
	 * @param value the value
	 * @return the header
	 */
	public static Header of(String name, String value) {
		return new Header(ByteBuffer.wrap(name.getBytes(StandardCharsets.UTF_8)),
				ByteBuffer.wrap(value.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * A header with binary name and value, both copied.
	 * @param name the name
	 * @param value the value
	 * @return the header
	 */
	public static Header of(byte[] name, byte[] value) {
		return new Header(ByteBuffer.wrap(name.clone()), ByteBuffer.wrap(value.clone()));
	}

	/**
	 * The name, as a read-only view.
	 * @return a new duplicate of the name
	 */
	@Override
	public ByteBuffer name() {
		return this.name.duplicate();
	}

	/**
	 * The value, as a read-only view.
	 * @return a new duplicate of the value
	 */
	@Override
	public ByteBuffer value() {
		return this.value.duplicate();
	}

	/**
	 * The name decoded as UTF-8 (malformed bytes replaced).
	 * @return the name text
	 */
	public String nameAsString() {
		return Bytes.text(this.name);
	}

	/**
	 * The value decoded as UTF-8 (malformed bytes replaced).
	 * @return the value text
	 */
	public String valueAsString() {
		return Bytes.text(this.value);
	}

	/**
	 * The name itself, for this package's encoders, which read it without moving its
	 * position or limit: no duplicate per read.
	 * @return the read-only name
	 */
	ByteBuffer nameView() {
		return this.name;
	}

	/**
	 * The value itself, for this package's encoders, which read it without moving its
	 * position or limit.
	 * @return the read-only value
	 */
	ByteBuffer valueView() {
		return this.value;
	}

	/**
	 * The number of bytes of name and value together, as S2 meters them.
	 * @return the name and value bytes
	 */
	long bytes() {
		return this.name.remaining() + this.value.remaining();
	}

	@Override
	public String toString() {
		return "Header[" + nameAsString() + "=" + valueAsString() + "]";
	}

}
