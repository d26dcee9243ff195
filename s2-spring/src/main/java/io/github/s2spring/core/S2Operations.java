package io.github.s2spring.core;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.s2spring.support.S2StartPosition;

/**
 * What an application does with S2 streams: send typed messages, flush, read history,
 * manage streams, and reach the client for the rest. Implemented by {@link S2Template}.
 * <p>
 * Sends never block the caller: each returns a future that completes once S2 has made the
 * message durable, or fails with the reason (a typed
 * {@link io.github.s2spring.client.error.S2Exception}, an {@link S2OverloadedException}
 * when too many sends wait for the stream, a conversion error). Messages of one stream
 * are appended in the order they were sent.
 */
public interface S2Operations {

	/**
	 * Sends a message to a stream of the default basin.
	 * @param stream the stream
	 * @param message the payload, converted by the template's converter
	 * @return the result, once durable
	 */
	CompletableFuture<S2SendResult> send(String stream, Object message);

	/**
	 * Sends a message with headers.
	 * @param stream the stream
	 * @param message the payload
	 * @param headers headers carried on the message's first record
	 * @return the result, once durable
	 */
	CompletableFuture<S2SendResult> send(String stream, Object message, Map<String, String> headers);

	/**
	 * Starts a message with more options: headers, timestamp, fencing token,
	 * {@code match_seq_num}, a serializer.
	 * @param payload the payload
	 * @return a builder; finish with {@link S2MessageBuilder#send()}
	 */
	S2MessageBuilder newMessage(Object payload);

	/**
	 * Sends messages as one atomic append: all are appended, in order and contiguous, or
	 * none is. Refused before anything is sent when they do not fit in one S2 batch (1000
	 * records, 1 MiB metered).
	 * @param stream the stream
	 * @param messages the payloads
	 * @return the result spanning every message's records, once durable
	 */
	CompletableFuture<S2SendResult> sendBatch(String stream, List<?> messages);

	/**
	 * The same operations on another basin, sharing this template's connections and
	 * appenders.
	 * @param basin the basin
	 * @return the operations
	 */
	S2Operations inBasin(String basin);

	/**
	 * The basin of these operations.
	 * @return the basin
	 */
	String getBasin();

	/**
	 * Completes when every message sent before it, to any stream, is durable (or failed).
	 * @return the future
	 */
	CompletableFuture<Void> flush();

	/**
	 * Completes when every message sent before it to one stream is durable (or failed).
	 * @param stream the stream
	 * @return the future
	 */
	CompletableFuture<Void> flush(String stream);

	/**
	 * Reads up to {@code count} messages of a stream, for history: messages are
	 * reassembled, deduplicated and converted as listeners receive them.
	 * @param <T> the payload type
	 * @param stream the stream
	 * @param type the payload type
	 * @param from where to start ({@link S2StartPosition#stored()} is not supported here)
	 * @param count the most messages to return
	 * @return the messages, in order; fewer if the stream ends first
	 */
	<T> List<S2ReceivedMessage<T>> read(String stream, Class<T> type, S2StartPosition from, int count);

	/**
	 * Creates a stream with the basin's default configuration.
	 * @param stream the stream
	 * @throws io.github.s2spring.client.error.ConflictException if it exists
	 */
	void createStream(String stream);

	/**
	 * Creates a stream unless it exists.
	 * @param stream the stream
	 * @return whether it was created
	 */
	boolean ensureStream(String stream);

	/**
	 * Deletes a stream.
	 * @param stream the stream
	 * @throws io.github.s2spring.client.error.NotFoundException if there is no such
	 * stream
	 */
	void deleteStream(String stream);

	/**
	 * Listens to a stream until the returned subscription is stopped: each message
	 * reaches the listener once, in order, across connection drops and server restarts
	 * (the programmatic counterpart of {@code @S2Listener}).
	 * @param <T> the payload type
	 * @param stream the stream
	 * @param type the payload type, converted as for {@code @S2Listener} methods
	 * @param from where to start
	 * @param listener receives the messages, on the listener executor
	 * @return the running listener
	 * @throws IllegalStateException if no listener infrastructure is configured
	 */
	<T> S2Subscription listen(String stream, Class<T> type, S2StartPosition from, S2MessageListener<T> listener);

	/**
	 * Runs code with the client, for everything else the SDK offers.
	 * @param <R> the result type
	 * @param callback the code
	 * @return what the code returned
	 */
	<R> R execute(S2ClientCallback<R> callback);

}
