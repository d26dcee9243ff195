package io.github.s2spring.listener;

import java.util.OptionalLong;

/**
 * Where listener containers keep, per listener id and stream, the sequence number to
 * resume from: a listener started {@code from = "stored"} continues there after a
 * restart. A container saves a position only after the listener returned for every
 * message before it, so a restarted listener may see the last messages again but never
 * misses one.
 * <p>
 * Implementations are called concurrently for different streams, and must be thread-safe.
 *
 * @see InMemoryS2PositionStore
 * @see StreamS2PositionStore
 */
public interface S2PositionStore {

	/**
	 * The position a listener saved for a stream.
	 * @param listenerId the listener id
	 * @param basin the basin
	 * @param stream the stream
	 * @return the next seq num to read, or empty if none was saved
	 */
	OptionalLong load(String listenerId, String basin, String stream);

	/**
	 * Saves a position. It may become durable later; {@link #flush()} waits for it.
	 * @param listenerId the listener id
	 * @param basin the basin
	 * @param stream the stream
	 * @param nextSeqNum the seq num after the last processed message
	 */
	void save(String listenerId, String basin, String stream, long nextSeqNum);

	/**
	 * Waits until every position saved before the call is durable. Containers call it
	 * when they stop. Does nothing by default.
	 */
	default void flush() {
	}

}
