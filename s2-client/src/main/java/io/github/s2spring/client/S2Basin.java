package io.github.s2spring.client;

import io.github.s2spring.client.control.StreamsClient;
import io.github.s2spring.client.data.S2Stream;

/**
 * A basin of an {@link S2Client}: the entry to its streams. Obtained from
 * {@link S2Client#basin(String)}; cheap, holds no resources.
 */
public final class S2Basin {

	private final S2Client client;

	private final String name;

	S2Basin(S2Client client, String name) {
		this.client = client;
		this.name = name;
	}

	/**
	 * The basin name.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * A stream of this basin, for appends, reads and sessions. No request is made.
	 * @param streamName the stream name (any UTF-8, 1 to 512 bytes; percent-encoded on
	 * the wire)
	 * @return the stream handle
	 * @throws io.github.s2spring.client.error.ValidationException if the name is invalid
	 */
	public S2Stream stream(String streamName) {
		this.client.requireOpen();
		return this.client.dataPlane().stream(this.name, streamName);
	}

	/**
	 * The client this basin belongs to.
	 * @return the client
	 */
	public S2Client client() {
		return this.client;
	}

	/**
	 * The streams of this basin (control plane): list, create, ensure, reconfigure,
	 * delete.
	 * @return the streams client
	 */
	public StreamsClient streams() {
		this.client.requireOpen();
		return this.client.control().streams(this.name);
	}

	@Override
	public String toString() {
		return "S2Basin[" + this.name + "]";
	}

}
