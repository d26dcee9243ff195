package io.github.s2spring.embedded.records;

import java.util.List;

import org.jspecify.annotations.Nullable;
import s2.v1.SequencedRecord;

import io.github.s2spring.embedded.error.ApiException;
import io.github.s2spring.protocol.StreamPosition;

/**
 * Where a streaming read delivers: S2S frames or server-sent events. Called on the
 * channel's event loop only.
 */
interface ReadSink {

	/**
	 * Starts the response.
	 */
	void start();

	/**
	 * Delivers a batch of records.
	 * @param records the records, not empty
	 * @param meteredBytes their metered size
	 * @param tail the tail, when the batch reaches it
	 */
	void batch(List<SequencedRecord> records, long meteredBytes, @Nullable StreamPosition tail);

	/**
	 * Tells the client the session is alive and where the tail is.
	 * @param tail the tail
	 * @param reconnectAdvised whether the server is draining
	 */
	void heartbeat(StreamPosition tail, boolean reconnectAdvised);

	/**
	 * Ends the session normally.
	 */
	void end();

	/**
	 * Ends the session with an error.
	 * @param error the error
	 */
	void error(ApiException error);

}
