package io.github.s2spring.embedded.record;

import java.util.Map;

/**
 * One request as the server received it.
 *
 * @param seq the order in which requests started, from 0
 * @param protocol {@code HTTP/1.1} or {@code HTTP/2}
 * @param method the method
 * @param uri the path and query as sent (still percent-encoded)
 * @param headers every header by lower-case name (repeated ones joined with
 * {@code ", "}), in the order received
 * @param body the body, with any {@code Content-Encoding} undone (S2S frames stay as
 * sent); kept up to {@value #MAX_BODY_BYTES} bytes
 * @param complete whether the whole body arrived ({@code false} when the client
 * disconnected or reset the stream first, or the body was longer than kept)
 */
public record RecordedRequest(long seq, String protocol, String method, String uri, Map<String, String> headers,
		byte[] body, boolean complete) {

	/** The most body bytes kept per request. */
	public static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

	/**
	 * The path, without the query.
	 * @return the path as sent
	 */
	public String path() {
		int question = this.uri.indexOf('?');
		return (question >= 0) ? this.uri.substring(0, question) : this.uri;
	}

}
