package io.github.s2spring.embedded.record;

import java.nio.file.Path;

/**
 * Receives every request a server gets, once its body has arrived (or the exchange ended
 * without it). Called on the server's event loops: an implementation must be thread-safe
 * and quick. The server closes its recorder when it stops. A server without a recorder
 * records nothing and spends nothing on it.
 */
@FunctionalInterface
public interface RequestRecorder extends AutoCloseable {

	/**
	 * Records a request.
	 * @param request the request
	 */
	void record(RecordedRequest request);

	/**
	 * Releases what the recorder holds; by default nothing.
	 */
	@Override
	default void close() {
	}

	/**
	 * A recorder that writes each request as one line of JSON ({@link RequestJson}) to a
	 * file, replacing what the file held, on a thread of its own.
	 * @param file the file
	 * @return the recorder
	 * @throws java.io.UncheckedIOException if the file cannot be written
	 */
	static RequestRecorder jsonLines(Path file) {
		return new JsonLinesRecorder(file);
	}

}
